package dev.mlsdmock.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a grading model that reads what the LLM grader sends and answers in its contract, so the calibration
 * harness can run its LLM path with no model: for each criterion of the request it finds the candidate sentence of the
 * fenced transcript that shares the most content words with the criterion's "looks for" text, scores 0-3 by how many
 * it shares, quotes that sentence exactly as the transcript has it, and writes a rationale about what the candidate
 * said (no ids, no notes). Crude on purpose: it is a well-formed, deterministic grader, not a good one.
 */
public final class FakeGraderJudge {

    private static final Pattern CRITERION = Pattern.compile("(?m)^- id: ([a-z0-9-]+) \\(weight \\d+\\)\\n\\s+looks for: (.+)$");
    private static final Pattern TURN = Pattern.compile("(?s)\\[seq (\\d+)] candidate:\\n(.*?)(?=\\n\\n\\[seq \\d+]|\\n</transcript>|\\z)");
    private static final Pattern TRANSCRIPT = Pattern.compile("(?s)<transcript>\\n(.*)\\n</transcript>");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n+\\s*");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{3,}");
    private static final Set<String> STOP = Set.of("that", "this", "with", "from", "such", "than", "when", "what", "which",
            "into", "each", "also", "only", "like", "them", "their", "they", "have", "does", "would", "could", "should",
            "about", "more", "most", "other", "some", "between", "whether", "rather", "over", "after", "before", "then");

    private FakeGraderJudge() {
    }

    /** The verdict JSON ({@code {"criteria":[...]}}) for one grader request (the user message). */
    public static ObjectNode verdict(ObjectMapper json, String request) {
        List<Said> said = candidateSentences(request);
        ObjectNode verdict = json.createObjectNode();
        ArrayNode criteria = verdict.putArray("criteria");
        Matcher c = CRITERION.matcher(request);
        while (c.find()) {
            Set<String> wanted = stems(c.group(2));
            Said best = null;
            int bestShared = 0;
            for (Said s : said) {
                Set<String> shared = new LinkedHashSet<>(stems(s.text()));
                shared.retainAll(wanted);
                if (shared.size() > bestShared) {
                    best = s;
                    bestShared = shared.size();
                }
            }
            int score = bestShared == 0 ? 0 : bestShared == 1 ? 1 : bestShared <= 3 ? 2 : 3;
            ObjectNode v = criteria.addObject();
            v.put("id", c.group(1));
            v.put("score", score);
            v.put("rationale", best == null ? "The candidate did not address this."
                    : "The candidate said: \"" + shorten(best.text()) + "\", which covers part of what is asked.");
            v.put("missing", score == 3 ? "" : "A higher score needs more of the points asked for, with reasons.");
            ArrayNode evidence = v.putArray("evidence");
            if (best != null) {
                evidence.addObject().put("seq", best.seq()).put("quote", best.text());
            }
        }
        return verdict;
    }

    private record Said(int seq, String text) {
    }

    private static List<Said> candidateSentences(String request) {
        List<Said> out = new ArrayList<>();
        Matcher fence = TRANSCRIPT.matcher(request);
        if (!fence.find()) {
            return out;
        }
        Matcher t = TURN.matcher(fence.group(1));
        while (t.find()) {
            for (String sentence : SENTENCE_END.split(t.group(2))) {
                if (!sentence.isBlank() && !sentence.contains("[") && !sentence.contains("(quoted)")) {
                    out.add(new Said(Integer.parseInt(t.group(1)), sentence.strip()));
                }
            }
        }
        return out;
    }

    private static Set<String> stems(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!STOP.contains(m.group())) {
                out.add(m.group().length() > 6 ? m.group().substring(0, 6) : m.group());
            }
        }
        return out;
    }

    private static String shorten(String sentence) {
        String[] words = sentence.split("\\s+");
        return words.length <= 12 ? sentence : String.join(" ", java.util.Arrays.copyOf(words, 12)) + " ...";
    }
}
