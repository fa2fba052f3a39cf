package dev.mlsdmock.coverage;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Word overlap between a question and a text, as a second opinion next to embedding similarity: the small
 * embedding model sometimes ranks a loosely related fact above the one whose words the candidate actually used.
 */
final class Lexical {

    private static final Set<String> STOP_WORDS = Set.of("what", "whats", "how", "who", "when", "where", "which", "why",
            "the", "and", "for", "are", "does", "did", "can", "could", "should", "would", "will", "have", "has", "had",
            "our", "you", "they", "this", "that", "there", "with", "need", "any", "many", "much", "kind", "type",
            "about", "from", "into", "per", "its", "assume", "going", "get", "let", "like", "some", "more", "most",
            "than", "then", "them", "also", "just", "been", "being", "was", "were", "not", "all", "out", "your");

    private Lexical() {
    }

    /** Content words, lower-cased and crudely stemmed ("labels" and "labelled" both become "label"). */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() < 3 || STOP_WORDS.contains(w)) {
                continue;
            }
            String stem = w.replaceAll("ies$", "y").replaceAll("(ing|led|ed|es|s)$", "");
            if (stem.length() >= 3 && !STOP_WORDS.contains(stem)) {
                out.add(stem);
            }
        }
        return out;
    }

    /** The share of the question's content words that occur in the text (0 when the question has none). */
    static double coverage(Set<String> question, Set<String> text) {
        if (question.isEmpty()) {
            return 0;
        }
        return question.stream().filter(text::contains).count() / (double) question.size();
    }
}
