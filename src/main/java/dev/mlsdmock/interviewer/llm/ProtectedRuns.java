package dev.mlsdmock.interviewer.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word runs a {@link StreamGuard} must stop, and every proper prefix of them, so the guard can tell whether the
 * last words of a stream could still grow into one. A run is {@value #WINDOW_WORDS} consecutive words of a protected
 * text, or a whole protected text of {@value #MIN_PHRASE_WORDS} or more words when it is shorter; words are compared
 * without case or punctuation. Runs that also occur in text the candidate may see, and runs of common words, are not
 * protected. Immutable once built.
 */
final class ProtectedRuns {

    /** The longest run compared, in words. */
    static final int WINDOW_WORDS = 5;
    /** Protected texts shorter than the window are compared whole, if they have at least this many words. */
    static final int MIN_PHRASE_WORDS = 3;
    private static final Set<String> FILLER = Set.of("that", "this", "with", "from", "what", "which", "have", "will",
            "would", "their", "there", "they", "when", "then", "than", "into", "about", "more", "most", "also", "only",
            "each", "some", "such", "your", "them", "does", "should", "could", "were", "been", "being");

    private final Set<String> runs = new HashSet<>();
    private final Set<String> openPrefixes = new HashSet<>();

    ProtectedRuns(Collection<String> protectedTexts, Collection<String> allowedTexts) {
        Set<String> allowed = new HashSet<>();
        for (String a : allowedTexts) {
            List<String> words = words(a);
            for (int n = MIN_PHRASE_WORDS; n <= WINDOW_WORDS; n++) {
                allowed.addAll(runs(words, n));
            }
        }
        for (String p : protectedTexts) {
            List<String> words = words(p);
            List<String> candidates = words.size() >= WINDOW_WORDS ? runs(words, WINDOW_WORDS)
                    : words.size() >= MIN_PHRASE_WORDS ? List.of(String.join(" ", words)) : List.of();
            candidates.stream().filter(r -> !allowed.contains(r) && meaningful(r)).forEach(runs::add);
        }
        for (String run : runs) {
            String[] words = run.split(" ");
            for (int n = 1; n < words.length; n++) {
                openPrefixes.add(String.join(" ", List.of(words).subList(0, n)));
            }
        }
    }

    /** Whether these words (lower case, in order) are a protected run. */
    boolean isProtected(List<String> words) {
        return runs.contains(String.join(" ", words));
    }

    /** Whether these words (lower case, in order) are the beginning, not the whole, of some protected run. */
    boolean couldGrowIntoOne(List<String> words) {
        return openPrefixes.contains(String.join(" ", words));
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    static List<String> words(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return StreamGuard.wordSpans(lower, true).stream().map(w -> lower.substring(w[0], w[1])).toList();
    }

    private static List<String> runs(List<String> words, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + n <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + n)));
        }
        return out;
    }

    /** A run of common words ("that is the one of") proves nothing; at least two words must carry content. */
    private static boolean meaningful(String run) {
        int content = 0;
        for (String w : run.split(" ")) {
            if ((w.length() >= 4 && !FILLER.contains(w)) || w.chars().anyMatch(Character::isDigit)) {
                content++;
            }
        }
        return content >= 2;
    }
}
