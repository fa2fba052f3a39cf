package dev.mlsdmock.interviewer.llm;

import dev.mlsdmock.interviewer.InterviewerFailure;

/**
 * Why the model could not produce a turn. {@link #code()} is what the client's {@code error} frame carries;
 * the message is written for the candidate, and never contains provider responses or keys.
 */
public class LlmFailure extends InterviewerFailure {

    public enum Code {
        /** No first token within {@code interviewer.first-token-timeout}. */
        LLM_TIMEOUT,
        /** The provider answered with an error (429, 5xx, refused connection) even after retries, or the circuit is open. */
        LLM_UNAVAILABLE,
        /** The stream stopped before the model finished its turn. */
        LLM_STREAM_CUT,
        /** The model's text cannot be used as an interviewer turn. */
        LLM_INVALID_OUTPUT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Code code;

    public LlmFailure(Code code, String message, boolean deltasSent, Throwable cause) {
        super(code.id(), message, deltasSent, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /**
     * Output the server refused (it recited hidden text). Not the provider's fault, so the circuit breaker does not
     * count it, and not retried: the same prompt would likely produce the same words.
     */
    public static class Refused extends LlmFailure {
        public Refused(String message, boolean deltasSent) {
            super(Code.LLM_INVALID_OUTPUT, message, deltasSent, null);
        }
    }

    /** A failure before anything was streamed that a new attempt may not have: 429, 5xx, a refused connection. */
    public static class Transient extends LlmFailure {
        public Transient(String message, Throwable cause) {
            super(Code.LLM_UNAVAILABLE, message, false, cause);
        }
    }
}
