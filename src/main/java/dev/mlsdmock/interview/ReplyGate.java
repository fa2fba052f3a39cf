package dev.mlsdmock.interview;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.interview.InterviewDialogue.Acknowledged;
import dev.mlsdmock.interviewer.SpeechCancelled;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * Holds back a reply that was started before its answer was stored. The reply's words pass only once the answer
 * is committed (and echoed), and only if the write found the interview as the reply was planned from: the answer
 * got the expected place in the transcript and the stage had not moved. Otherwise the words are stopped with
 * {@link SpeechCancelled} before any reached the client, and {@link #await()} tells the caller what happened.
 */
final class ReplyGate {

    private final CompletableFuture<Acknowledged> stored;
    private final int expectedSeq;
    private final InterviewState expected;
    private volatile boolean open;

    /**
     * @param stored      the answer's write, which completes after the echo was sent
     * @param expectedSeq the place the answer takes in the transcript if nobody wrote since the reply was planned
     * @param expected    the interview (with the answer) the reply was planned from
     */
    ReplyGate(CompletableFuture<Acknowledged> stored, int expectedSeq, InterviewState expected) {
        this.stored = stored;
        this.expectedSeq = expectedSeq;
        this.expected = expected;
    }

    /** The reply's words, each waiting for the answer's write and passed on only if the plan still holds. */
    BiConsumer<Integer, String> deltas(BiConsumer<Integer, String> out) {
        return (seq, piece) -> {
            confirm();
            out.accept(seq, piece);
        };
    }

    /**
     * Waits for the answer's write; returns when the reply may be sent and stored.
     *
     * @throws SpeechCancelled when the write failed, found the answer stored before, or found the interview moved on
     */
    void confirm() {
        if (open) {
            return;
        }
        Acknowledged ack;
        try {
            ack = stored.join();
        } catch (CompletionException | CancellationException e) {
            throw new SpeechCancelled();
        }
        if (!holds(ack)) {
            throw new SpeechCancelled();
        }
        open = true;
    }

    /** The answer's write: its acknowledgement, or the exception it failed with (the caller's to report). */
    Acknowledged await() {
        return joined(stored);
    }

    /** The future's value, or the exception it failed with, as thrown by the work itself. */
    static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private boolean holds(Acknowledged ack) {
        // Seqs are unique per interview: the expected seq means no turn of any kind was stored in between.
        return !ack.duplicate() && ack.turn().seq() == expectedSeq && ack.stored() != null
                && ack.stored().state().stage() == expected.stage();
    }
}
