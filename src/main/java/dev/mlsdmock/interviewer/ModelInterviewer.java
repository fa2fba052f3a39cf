package dev.mlsdmock.interviewer;

/**
 * The interviewer that speaks through a language model ({@code interviewer.llm}). Its {@code speak} throws
 * {@link InterviewerFailure} when no usable turn came back; the {@link InterviewerSwitch} then lets the offline
 * interviewer speak that turn.
 */
public interface ModelInterviewer extends Interviewer {

    /** What is recorded on interviews and turns, e.g. {@code openai/gpt-4o-mini}; empty when no model is configured. */
    String label();

    /** Whether a turn this interviewer recorded came from its model (not from an offline stand-in). */
    static boolean isModelSource(String source) {
        return source != null && source.contains("/");
    }
}
