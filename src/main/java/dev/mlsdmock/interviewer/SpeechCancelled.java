package dev.mlsdmock.interviewer;

/**
 * Thrown by the consumer of an interviewer's words to stop the turn being spoken: the caller no longer wants it (the
 * reply was started before its answer was stored, and the write showed it was planned from a stale picture). Every
 * {@link Interviewer} lets it through untouched: it is not a model failure, so there is no fallback, no retry and no
 * count against the provider's circuit breaker.
 */
public class SpeechCancelled extends RuntimeException {

    public SpeechCancelled() {
        super("The interviewer's turn was cancelled by its caller", null, false, false);
    }
}
