package dev.mlsdmock.interviewer;

/**
 * One interviewer turn in words, as an {@link Interviewer} produced it.
 *
 * @param source       who produced it, recorded on the turn: {@code offline}, {@code <provider>/<model>},
 *                     {@value #FALLBACK_SOURCE} (the model failed) or {@value #BUDGET_SOURCE} (the token budget was spent)
 * @param inputTokens  prompt tokens of the model call, when the provider reported them
 * @param outputTokens completion tokens of the model call, when the provider reported them
 * @param notice       what the client must be told before the turn, or null
 */
public record Words(String text, String source, Integer inputTokens, Integer outputTokens, Notice notice) {

    public static final String FALLBACK_SOURCE = "offline-fallback";
    public static final String BUDGET_SOURCE = "offline-budget";

    /** Whether the offline interviewer spoke in place of the interview's model. */
    public boolean fallback() {
        return source.startsWith("offline-");
    }

    /** Something the client should be told about this turn, sent as an {@code error} frame before it. */
    public record Notice(String code, String message) {
    }
}
