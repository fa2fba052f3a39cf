package dev.mlsdmock.interviewer;

/**
 * Why an interviewer could not produce a turn. {@link #errorCode()} is what the client's {@code error} frame
 * carries; the message is written for the candidate and never contains provider responses or keys.
 */
public class InterviewerFailure extends RuntimeException {

    private final String errorCode;
    private final boolean deltasSent;

    public InterviewerFailure(String errorCode, String message, boolean deltasSent, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.deltasSent = deltasSent;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Whether part of the turn already reached the client (then it must not be retried: the text would repeat). */
    public boolean deltasSent() {
        return deltasSent;
    }
}
