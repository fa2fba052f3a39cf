package dev.mlsdmock.interview;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interview.InterviewDialogue.Acknowledged;
import dev.mlsdmock.interview.InterviewDialogue.Stored;
import dev.mlsdmock.interviewer.SpeechCancelled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reply started before its answer was stored: held until the write, and stopped unseen when the plan is stale. */
class ReplyGateTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void wordsWaitForTheAnswersWriteAndThenPass() throws Exception {
        InterviewState expected = state(Stage.CLARIFY, 3);
        CompletableFuture<Acknowledged> write = new CompletableFuture<>();
        List<String> sent = new ArrayList<>();
        BiConsumer<Integer, String> deltas = new ReplyGate(write, 3, expected).deltas((seq, piece) -> sent.add(seq + ":" + piece));

        CountDownLatch passed = new CountDownLatch(1);
        Thread speaker = new Thread(() -> {
            deltas.accept(4, "Good.");
            passed.countDown();
        });
        speaker.start();
        assertThat(passed.await(200, TimeUnit.MILLISECONDS)).as("a word before the write").isFalse();
        assertThat(sent).isEmpty();

        write.complete(stored(3, expected));
        assertThat(passed.await(5, TimeUnit.SECONDS)).isTrue();
        deltas.accept(4, " Next?");
        assertThat(sent).containsExactly("4:Good.", "4: Next?");
    }

    @Test
    void aWriteThatFoundAnotherTurnFirstStopsTheWords() {
        InterviewState expected = state(Stage.CLARIFY, 3);
        // Someone else stored turn 3 first: the answer became turn 4 and the plan was made without that turn.
        ReplyGate gate = new ReplyGate(CompletableFuture.completedFuture(stored(4, state(Stage.CLARIFY, 4))), 3, expected);
        List<String> sent = new ArrayList<>();

        assertThatThrownBy(() -> gate.deltas((seq, piece) -> sent.add(piece)).accept(4, "Good."))
                .isInstanceOf(SpeechCancelled.class);
        assertThat(sent).isEmpty();
        assertThat(gate.await().turn().seq()).isEqualTo(4);
    }

    @Test
    void aStageThatMovedMeanwhileStopsTheWords() {
        InterviewState expected = state(Stage.CLARIFY, 3);
        ReplyGate gate = new ReplyGate(CompletableFuture.completedFuture(stored(3, state(Stage.FRAME, 3))), 3, expected);

        assertThatThrownBy(gate::confirm).isInstanceOf(SpeechCancelled.class);
    }

    @Test
    void anAnswerStoredBeforeStopsTheWords() {
        InterviewState expected = state(Stage.CLARIFY, 3);
        Acknowledged duplicate = new Acknowledged(turn(3), true, null, null);
        ReplyGate gate = new ReplyGate(CompletableFuture.completedFuture(duplicate), 3, expected);

        assertThatThrownBy(gate::confirm).isInstanceOf(SpeechCancelled.class);
        assertThat(gate.await().duplicate()).isTrue();
    }

    @Test
    void aFailedWriteStopsTheWordsAndItsOwnErrorIsReported() {
        InterviewState expected = state(Stage.CLARIFY, 3);
        ApiException ended = ApiException.conflict("interview_ended", "This interview has ended.");
        ReplyGate gate = new ReplyGate(CompletableFuture.failedFuture(ended), 3, expected);

        assertThatThrownBy(() -> gate.deltas((seq, piece) -> { }).accept(4, "Good.")).isInstanceOf(SpeechCancelled.class);
        assertThatThrownBy(gate::await).isSameAs(ended);
    }

    @Test
    void aReplyWithNoWordsYetIsConfirmedBeforeItIsStored() {
        InterviewState expected = state(Stage.CLARIFY, 3);
        ReplyGate gate = new ReplyGate(CompletableFuture.completedFuture(stored(3, expected)), 3, expected);

        gate.confirm(); // does not throw
        gate.confirm(); // and stays open
    }

    /** An interview whose last turn is the candidate's answer with seq {@code answerSeq}. */
    private static InterviewState state(Stage stage, int answerSeq) {
        List<TurnView> turns = new ArrayList<>();
        for (int seq = 1; seq <= answerSeq; seq++) {
            turns.add(turn(seq));
        }
        return new InterviewState(stage, T0, turns);
    }

    private static Acknowledged stored(int seq, InterviewState state) {
        return new Acknowledged(turn(seq), false, null, new Stored("news-feed", state));
    }

    private static TurnView turn(int seq) {
        Role role = seq % 2 == 1 ? Role.INTERVIEWER : Role.CANDIDATE;
        return new TurnView(seq, role, Stage.CLARIFY, "turn " + seq, T0.plusSeconds(seq), null, null, null, Set.of(),
                null, null, null, Map.of());
    }
}
