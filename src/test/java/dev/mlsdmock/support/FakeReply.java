package dev.mlsdmock.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a fake model server does with one request: stream these pieces (optionally slowly, optionally cutting the
 * connection), or answer with an HTTP error.
 *
 * @param status          HTTP status; 200 streams the pieces
 * @param pieces          the model's tokens, one stream chunk each
 * @param firstTokenDelay how long the fake model "thinks" before its first token
 * @param stallAfterFirst how long it stalls after the first token (for the whole-turn timeout)
 * @param cut             stop after the pieces by breaking the connection, without a final chunk
 * @param finish          the finish reason of the final chunk (OpenAI: stop, length ...)
 */
public record FakeReply(int status, List<String> pieces, Duration firstTokenDelay, Duration stallAfterFirst, boolean cut,
                        String finish) {

    public static FakeReply text(String... pieces) {
        return new FakeReply(200, Arrays.asList(pieces), Duration.ZERO, Duration.ZERO, false, "stop");
    }

    /** The text split into word-sized pieces, as a model streams it. */
    public static FakeReply words(String text) {
        return new FakeReply(200, List.of(text.split("(?<= )")), Duration.ZERO, Duration.ZERO, false, "stop");
    }

    public static FakeReply status(int status) {
        return new FakeReply(status, List.of(), Duration.ZERO, Duration.ZERO, false, null);
    }

    /** Streams the pieces, then breaks the connection in the middle of the response. */
    public static FakeReply cutAfter(String... pieces) {
        return new FakeReply(200, Arrays.asList(pieces), Duration.ZERO, Duration.ZERO, true, null);
    }

    public FakeReply afterFirstTokenDelay(Duration delay) {
        return new FakeReply(status, pieces, delay, stallAfterFirst, cut, finish);
    }

    public FakeReply stallingAfterFirstToken(Duration stall) {
        return new FakeReply(status, pieces, firstTokenDelay, stall, cut, finish);
    }

    public FakeReply finishing(String reason) {
        return new FakeReply(status, pieces, firstTokenDelay, stallAfterFirst, cut, reason);
    }

    static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis()); // the fake model's own latency, not a test waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
