package dev.mlsdmock.grading.importing;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.rubric.Rubric;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Where imported turns are placed: named stages kept, inferred stages free to go back, questions with their answers. */
class StagePlacementTest {

    private static final Rubric RUBRIC = Calibration.rubric("news-feed");
    private static final List<Role> ROLES = List.of(Role.INTERVIEWER, Role.CANDIDATE, Role.INTERVIEWER, Role.CANDIDATE,
            Role.INTERVIEWER, Role.CANDIDATE);

    @Test
    void anInferredStageMayGoBackwards() {
        List<Stage> stages = StagePlacement.stages(RUBRIC, ROLES,
                List.of(Set.of(), Set.of("eval-offline-metrics"), Set.of(), Set.of("data-feature-groups"), Set.of(), Set.of()),
                nothingNamed());
        // Metrics first, then features: the features go back to data, and a turn showing nothing stays where it is.
        assertThat(stages).containsExactly(Stage.EVALUATE, Stage.EVALUATE, Stage.DATA, Stage.DATA, Stage.DATA, Stage.DATA);
    }

    @Test
    void aNamedStageWinsOverWhatTheTurnShows() {
        List<Stage> named = nothingNamed();
        named.set(3, Stage.SERVE);
        named.set(4, Stage.MONITOR);
        List<Stage> stages = StagePlacement.stages(RUBRIC, ROLES,
                List.of(Set.of(), Set.of("data-feature-groups"), Set.of(), Set.of("data-feature-groups"), Set.of(), Set.of()), named);
        assertThat(stages).containsExactly(Stage.DATA, Stage.DATA, Stage.SERVE, Stage.SERVE, Stage.MONITOR, Stage.SERVE);
    }

    @Test
    void anAnswerShowingLittleAnswersTheQuestionItFollows() {
        List<Stage> asked = nothingNamed();
        asked.set(2, Stage.DATA);     // "What data and features?"
        asked.set(4, Stage.MONITOR);  // "After launch?"
        List<Stage> stages = StagePlacement.stages(RUBRIC, ROLES,
                List.of(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of("serve-deployment")), nothingNamed(), asked);
        // A generic answer goes to the stage its question asked about; one stray signal of another stage does not
        // move it away from the question (the asked stage counts as one signal more).
        assertThat(stages).containsExactly(Stage.CLARIFY, Stage.CLARIFY, Stage.DATA, Stage.DATA, Stage.MONITOR, Stage.MONITOR);

        List<Stage> outOfOrder = StagePlacement.stages(RUBRIC, ROLES, List.of(Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of("serve-deployment", "serve-retrieval-and-ranking")), nothingNamed(), asked);
        // Two signals of another stage outweigh the question: the candidate answered something else.
        assertThat(outOfOrder.get(5)).isEqualTo(Stage.SERVE);
    }

    private static List<Stage> nothingNamed() {
        return Arrays.asList(new Stage[ROLES.size()]);
    }
}
