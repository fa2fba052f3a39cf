package dev.mlsdmock.interviewer.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Checks a streamed interviewer turn before any of it reaches the client. Protected text must not be recited: a signal
 * description, a red flag, a fact not revealed this turn (any {@value ProtectedRuns#WINDOW_WORDS} consecutive words of
 * one, compared word by word without case or punctuation, see {@link ProtectedRuns}), or a marker such as a fence tag
 * or a heading of the system prompt. On a leak the guard throws, the stream is cancelled, the held text is discarded
 * and the turn falls back; otherwise {@link #finish()} releases the rest.
 * <p>
 * What is held back is only what could still become a recitation: the last words while they are the beginning of a
 * protected run, the end of the text while it is the beginning of a marker, and a word still being written. Anything
 * before that can no longer be part of a leak and is released at once, so normal text reaches the client a word
 * behind the model, and every word of a recitation is still held when the recitation is recognised.
 * <p>
 * Word runs that also occur in text the candidate may see (the transcript, this turn's revealed facts and probe,
 * the opening) are not protected, so echoing the candidate's words or stating an asked fact is never a leak.
 * Pure logic: not thread-safe, one guard per turn.
 */
public final class StreamGuard implements Consumer<String> {

    private final ProtectedRuns runs;
    private final List<String> markers;
    private final int longestMarker;
    private final Consumer<String> downstream;
    private final StringBuilder text = new StringBuilder();
    /** The text lower-cased character by character, so its indices are the text's. */
    private final StringBuilder lower = new StringBuilder();
    private int released;
    private int wordsChecked;
    private int markersCheckedTo;

    /**
     * @param protectedTexts texts that must not reach the client, word runs of them included
     * @param allowedTexts   texts the client may see anyway; their word runs are not protected
     * @param markers        strings that must not appear at all (compared without case), e.g. fence tags
     * @param downstream     receives the text that passed, in order
     */
    public StreamGuard(Collection<String> protectedTexts, Collection<String> allowedTexts, Collection<String> markers,
                       Consumer<String> downstream) {
        this.runs = new ProtectedRuns(protectedTexts, allowedTexts);
        this.markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).filter(m -> !m.isBlank()).toList();
        this.longestMarker = this.markers.stream().mapToInt(String::length).max().orElse(0);
        this.downstream = downstream;
    }

    /** Takes the next piece of the stream; passes on what is now known to be safe. */
    @Override
    public void accept(String piece) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        text.append(piece);
        for (int i = 0; i < piece.length(); i++) {
            lower.append(Character.toLowerCase(piece.charAt(i)));
        }
        List<int[]> spans = wordSpans(lower, false);
        if (leak(spans) != null) {
            throw refused();
        }
        releaseUpTo(safePoint(spans));
    }

    /** The stream ended: checks the last word too and passes on what was held back. */
    public void finish() {
        if (leak(wordSpans(lower, true)) != null) {
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

    /**
     * The marker or protected run the text now contains, or null. Only what is new since the last call is searched:
     * markers overlapping the new characters, runs ending in a new complete word.
     */
    String leak(List<int[]> spans) {
        int from = Math.max(0, markersCheckedTo - longestMarker + 1);
        String tail = lower.substring(from);
        for (String marker : markers) {
            if (tail.contains(marker)) {
                return marker;
            }
        }
        markersCheckedTo = lower.length();
        List<String> words = words(spans);
        for (int end = wordsChecked; end < words.size(); end++) {
            for (int n = ProtectedRuns.MIN_PHRASE_WORDS; n <= ProtectedRuns.WINDOW_WORDS && n <= end + 1; n++) {
                List<String> run = words.subList(end + 1 - n, end + 1);
                if (runs.isProtected(run)) {
                    return String.join(" ", run);
                }
            }
        }
        wordsChecked = words.size();
        return null;
    }

    /**
     * Where the held-back text starts: the first of the last complete words that begin a protected run (earlier
     * words can only be in runs that are complete and were checked, or that no protected run starts with), the first
     * character of a possible marker, or the word being written; always between tokens ("Let's", "1.5"), so a client
     * rendering deltas never shows half a word.
     */
    private int safePoint(List<int[]> spans) {
        int point = text.length();
        List<String> words = words(spans);
        for (int start = Math.max(0, words.size() - ProtectedRuns.WINDOW_WORDS + 1); start < words.size(); start++) {
            if (runs.couldGrowIntoOne(words.subList(start, words.size()))) {
                point = spans.get(start)[0];
                break;
            }
        }
        point = Math.min(point, markerStart());
        while (point > released && !Character.isWhitespace(text.charAt(point - 1))) {
            point--;
        }
        return point;
    }

    /** The first index from which the end of the text is the beginning of a marker, or the text's length. */
    private int markerStart() {
        for (int start = Math.max(0, lower.length() - longestMarker + 1); start < lower.length(); start++) {
            String end = lower.substring(start);
            for (String marker : markers) {
                if (marker.startsWith(end)) {
                    return start;
                }
            }
        }
        return lower.length();
    }

    private void releaseUpTo(int point) {
        if (point > released) {
            downstream.accept(text.substring(released, point));
            released = point;
        }
    }

    private List<String> words(List<int[]> spans) {
        return spans.stream().map(s -> lower.substring(s[0], s[1])).toList();
    }

    /** Start and end of each word; a word at the very end is complete only when the stream has ended. */
    static List<int[]> wordSpans(CharSequence s, boolean ended) {
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
}
