package dev.mlsdmock.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits what a candidate said into sentences, and tells questions from statements. */
public final class Sentences {

    // A sentence ends at . ! ? followed by whitespace, or at a line break (candidates often answer in bullet lists).
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+|\\s*[\\r\\n]+\\s*");
    private static final Pattern BULLET = Pattern.compile("^([-*•]|\\d+[.)])\\s+");
    private static final Set<String> QUESTION_OPENERS = Set.of("what", "what's", "whats", "how", "how's", "who",
            "when", "where", "which", "why", "is", "are", "do", "does", "did", "can", "could", "should", "will",
            "would", "may", "might", "shall", "am", "was", "were", "have", "has");
    private static final int MAX_SENTENCE_CHARS = 500;
    // "How many posts per day, and how fast must we decide?" asks two things; each part is matched on its own.
    private static final Pattern SECOND_QUESTION = Pattern.compile(
            "(?i)(?:[,;]\\s*|\\s+)(?:and|or|also|plus)\\s+(?=(?:what|what's|how|who|when|where|which|why|is|are|do|does|did|can|could|should|will|would)\\b)"
            + "|,\\s+(?=(?:what|what's|how|who|when|where|which|why)\\b)"
            + "|;\\s+(?=(?:what|how|who|when|where|which|why|is|are|do|does|can|could|should|will|would)\\b)");

    private Sentences() {
    }

    public static List<String> split(String text) {
        return grouped(text).stream().flatMap(List::stream).toList();
    }

    /**
     * The sentences of a text, each as its clauses: "Which categories are in scope, what actions, and what
     * languages?" is one sentence of three clauses. A fact that answers one clause answers the sentence's question.
     */
    public static List<List<String>> grouped(String text) {
        List<List<String>> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(text.strip())) {
            String s = BULLET.matcher(part.strip()).replaceFirst("").strip();
            if (s.length() < 2) {
                continue;
            }
            // Very long run-on "sentences" are cut so one embedding never averages away a whole paragraph.
            while (s.length() > MAX_SENTENCE_CHARS) {
                int cut = s.lastIndexOf(' ', MAX_SENTENCE_CHARS);
                cut = cut <= 0 ? MAX_SENTENCE_CHARS : cut;
                sentences.add(List.of(s.substring(0, cut).strip()));
                s = s.substring(cut).strip();
            }
            if (!s.isEmpty()) {
                List<String> clauses = new ArrayList<>();
                addClauses(s, clauses);
                sentences.add(List.copyOf(clauses));
            }
        }
        return sentences;
    }

    private static void addClauses(String sentence, List<String> out) {
        String[] parts = sentence.endsWith("?") ? SECOND_QUESTION.split(sentence) : new String[] {sentence};
        if (parts.length == 1) {
            out.add(sentence);
            return;
        }
        for (String part : parts) {
            String p = part.strip();
            if (p.length() >= 2) {
                // The question mark sits at the end of the whole sentence; every part of it is a question.
                out.add(p.endsWith("?") ? p : p + "?");
            }
        }
    }

    public static boolean isQuestion(String sentence) {
        String s = sentence.strip();
        if (s.endsWith("?")) {
            return true;
        }
        String first = s.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT);
        return QUESTION_OPENERS.contains(first) && !s.endsWith(".");
    }
}
