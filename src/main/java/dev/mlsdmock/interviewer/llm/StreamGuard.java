package dev.mlsdmock.interviewer.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a streamed interviewer turn before any of it reaches the client. It holds back the last
 * {@value #WINDOW_WORDS} words (and enough characters for the longest marker), so a recitation of protected text is
 * recognised while every word of it is still held: a signal description, a red flag, a fact not revealed this turn
 * (any {@value #WINDOW_WORDS} consecutive words of one, compared word by word without case or punctuation), or a
 * marker such as a fence tag or a heading of the system prompt. On a leak the guard throws, the stream is cancelled,
 * the held text is discarded and the turn falls back; otherwise {@link #finish()} releases the rest.
 * <p>
 * Word runs that also occur in text the candidate may see (the transcript, this turn's revealed facts and probe,
 * the opening) are not protected, so echoing the candidate's words or stating an asked fact is never a leak.
 * Pure logic: not thread-safe, one guard per turn.
 */
public final class StreamGuard implements Consumer<String> {

    /** How many words are held back: also the length of the word runs compared. */
    static final int WINDOW_WORDS = 5;
    /** Protected phrases shorter than the window are compared whole, if they have at least this many words. */
    private static final int MIN_PHRASE_WORDS = 3;
    private static final Set<String> FILLER = Set.of("that", "this", "with", "from", "what", "which", "have", "will",
            "would", "their", "there", "they", "when", "then", "than", "into", "about", "more", "most", "also", "only",
            "each", "some", "such", "your", "them", "does", "should", "could", "were", "been", "being");

    private final Set<String> runs;
    private final List<String> markers;
    private final int markerHold;
    private final Consumer<String> downstream;
    private final StringBuilder text = new StringBuilder();
    private int released;

    /**
     * @param protectedTexts texts that must not reach the client, word runs of them included
     * @param allowedTexts   texts the client may see anyway; their word runs are not protected
     * @param markers        strings that must not appear at all (compared without case), e.g. fence tags
     * @param downstream     receives the text that passed, in order
     */
    public StreamGuard(Collection<String> protectedTexts, Collection<String> allowedTexts, Collection<String> markers,
                       Consumer<String> downstream) {
        Set<String> allowed = new HashSet<>();
        for (String a : allowedTexts) {
            List<String> words = words(a);
            for (int n = MIN_PHRASE_WORDS; n <= WINDOW_WORDS; n++) {
                allowed.addAll(runs(words, n));
            }
        }
        this.runs = new HashSet<>();
        for (String p : protectedTexts) {
            List<String> words = words(p);
            List<String> candidates = words.size() >= WINDOW_WORDS ? runs(words, WINDOW_WORDS)
                    : words.size() >= MIN_PHRASE_WORDS ? List.of(String.join(" ", words)) : List.of();
            candidates.stream().filter(r -> !allowed.contains(r) && meaningful(r)).forEach(runs::add);
        }
        this.markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).filter(m -> !m.isBlank()).toList();
        this.markerHold = this.markers.stream().mapToInt(String::length).max().orElse(1) - 1;
        this.downstream = downstream;
    }

    /** Takes the next piece of the stream; passes on what is now known to be safe. */
    @Override
    public void accept(String piece) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        text.append(piece);
        String leak = leak(false);
        if (leak != null) {
            throw refused();
        }
        releaseUpTo(safePoint());
    }

    /** The stream ended: checks the whole text once more and passes on what was held back. */
    public void finish() {
        if (leak(true) != null) {
            throw refused();
        }
        releaseUpTo(text.length());
    }

    /** Whether any text reached the client. */
    public boolean sentAny() {
        return released > 0;
    }

    private LlmFailure refused() {
        return new LlmFailure.Refused("The AI interviewer's answer repeated its hidden instructions.", sentAny());
    }

    /** The protected run or marker the text contains, or null. Only completed words count until the stream ends. */
    String leak(boolean ended) {
        String lower = text.toString().toLowerCase(Locale.ROOT);
        for (String marker : markers) {
            if (lower.contains(marker)) {
                return marker;
            }
        }
        List<int[]> spans = wordSpans(text, ended);
        List<String> words = spans.stream().map(s -> lower.substring(s[0], s[1])).toList();
        for (int n = MIN_PHRASE_WORDS; n <= WINDOW_WORDS; n++) {
            for (String run : runs(words, n)) {
                if (runs.contains(run)) {
                    return run;
                }
            }
        }
        return null;
    }

    /** Everything before the last {@value #WINDOW_WORDS} complete words, any partial word and a possible marker. */
    private int safePoint() {
        List<int[]> complete = wordSpans(text, false);
        int point = complete.size() < WINDOW_WORDS ? 0 : complete.get(complete.size() - WINDOW_WORDS)[0];
        point = Math.max(0, Math.min(point, text.length() - markerHold));
        // Cut between tokens only ("Let's", "1.5"): a client rendering deltas never shows half a word.
        while (point > released && !Character.isWhitespace(text.charAt(point - 1))) {
            point--;
        }
        return point;
    }

    private void releaseUpTo(int point) {
        if (point > released) {
            downstream.accept(text.substring(released, point));
            released = point;
        }
    }

    /** Start and end of each word; a word at the very end is complete only when the stream has ended. */
    private static List<int[]> wordSpans(CharSequence s, boolean ended) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i < s.length() || ended) {
                spans.add(new int[]{start, i});
            }
        }
        return spans;
    }

    static List<String> words(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return wordSpans(lower, true).stream().map(w -> lower.substring(w[0], w[1])).toList();
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
