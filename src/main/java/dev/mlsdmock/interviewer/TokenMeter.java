package dev.mlsdmock.interviewer;

/**
 * Receives the tokens of every model call a turn makes, each attempt of a retry and each failed, timed-out or
 * refused call included: what the provider reported, or an estimate from the characters sent and received when it
 * reported nothing. The {@link InterviewerSwitch} counts them against the interview's and the account's budgets.
 */
@FunctionalInterface
public interface TokenMeter {

    TokenMeter NONE = (input, output) -> { };

    void add(long inputTokens, long outputTokens);
}
