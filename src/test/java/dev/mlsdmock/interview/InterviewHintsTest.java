package dev.mlsdmock.interview;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interview.InterviewHints.Hint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The head start an answer's analysis gets: the stage and last question this instance saw, confirmed by the read. */
class InterviewHintsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final InterviewHints hints = new InterviewHints();

    @Test
    void theInterviewersTurnIsTheNewLastQuestionInItsStage() {
        UUID id = UUID.randomUUID();
        assertThat(hints.of(id)).isEmpty();

        hints.spoke(id, "news-feed", turn(3, Role.INTERVIEWER, Stage.FRAME, "How would you frame it as an ML task?"), false);

        Hint hint = hints.of(id).orElseThrow();
        assertThat(hint).isEqualTo(new Hint("news-feed", Stage.FRAME, "How would you frame it as an ML task?"));
        assertThat(hint.matches("news-feed", state(Stage.FRAME, "How would you frame it as an ML task?"))).isTrue();
    }

    @Test
    void aTurnStoredElsewhereMakesTheHintStale() {
        UUID id = UUID.randomUUID();
        hints.saw(id, "news-feed", state(Stage.CLARIFY, "What would you like to clarify?"));
        Hint hint = hints.of(id).orElseThrow();

        // Another instance asked a new question, or moved to the next stage: the analysis is done again.
        assertThat(hint.matches("news-feed", state(Stage.CLARIFY, "What is the latency budget?"))).isFalse();
        assertThat(hint.matches("news-feed", state(Stage.FRAME, "What would you like to clarify?"))).isFalse();
        assertThat(hint.matches("video-recommendation", state(Stage.CLARIFY, "What would you like to clarify?"))).isFalse();
    }

    @Test
    void anEndedInterviewIsForgotten() {
        UUID id = UUID.randomUUID();
        hints.saw(id, "news-feed", state(Stage.MONITOR, "Anything else?"));

        hints.spoke(id, "news-feed", turn(9, Role.INTERVIEWER, Stage.MONITOR, "Thanks, that is all."), true);

        assertThat(hints.of(id)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedInterviewIsForgottenFirstBeyondTheBound() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        hints.saw(first, "news-feed", state(Stage.CLARIFY, "Q?"));
        hints.saw(second, "news-feed", state(Stage.CLARIFY, "Q?"));
        hints.of(first); // used again: now the most recent
        for (int i = 0; i < InterviewHints.MAX_INTERVIEWS - 1; i++) {
            hints.saw(UUID.randomUUID(), "news-feed", state(Stage.CLARIFY, "Q?"));
        }
        assertThat(hints.of(second)).isEmpty();
        assertThat(hints.of(first)).isPresent();
    }

    private static InterviewState state(Stage stage, String lastQuestion) {
        return new InterviewState(stage, T0, List.of(turn(1, Role.INTERVIEWER, stage, lastQuestion),
                turn(2, Role.CANDIDATE, stage, "An answer.")));
    }

    private static TurnView turn(int seq, Role role, Stage stage, String text) {
        return new TurnView(seq, role, stage, text, T0.plusSeconds(seq), null, null, null, Set.of(), null, null, null,
                Map.of());
    }
}
