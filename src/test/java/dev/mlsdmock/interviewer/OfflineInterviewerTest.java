package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.prompt.PromptConfig;
import dev.mlsdmock.prompt.PromptLibrary;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineInterviewerTest {

    private final Rubric rubric = TestRubrics.load("harmful-content-detection");
    private final PromptLibrary prompts = new PromptLibrary(new PromptConfig() {
        @Override
        public Path dir() {
            return Path.of("prompts");
        }

        @Override
        public boolean reload() {
            return false;
        }
    });
    private final OfflineInterviewer interviewer = new OfflineInterviewer(prompts::offlinePhrases, prompts::drillPhrases, StageBudgets.defaults());
    private final InterviewState state = new InterviewState(Stage.CLARIFY, Instant.EPOCH, List.of());

    @Test
    void openingStatesTheProblemAndAsksOneQuestion() {
        String text = speak(new TurnPlan(Kind.OPEN, Stage.CLARIFY, Stage.CLARIFY, List.of(), 0, null, 0));
        assertThat(text).startsWith(rubric.opening()).contains("45 minutes");
        assertThat(questions(text)).isEqualTo(1);
    }

    @Test
    void answersOnlyTheFactsAskedThenProbes() {
        Rubric.Fact asked = rubric.facts().get(0);
        Rubric.Signal probe = rubric.stage(Stage.CLARIFY).signals().get(1);
        String text = speak(new TurnPlan(Kind.PROBE, Stage.CLARIFY, Stage.CLARIFY, List.of(asked.id()), 0, probe.id(), 0));
        assertThat(text).startsWith(asked.answer()).endsWith(probe.probe());
        rubric.facts().stream().skip(1).forEach(other -> assertThat(text).doesNotContain(other.answer()));
        assertThat(text).doesNotContain(probe.description());
        assertThat(questions(text)).isEqualTo(1);
    }

    @Test
    void anUnspecifiedQuestionGetsAskedToAssume() {
        String text = speak(new TurnPlan(Kind.KEEP_GOING, Stage.CLARIFY, Stage.CLARIFY, List.of(), 1, null, 0));
        assertThat(text).contains("isn't specified").contains("assumption");
        assertThat(questions(text)).isEqualTo(1);
    }

    @Test
    void everyTransitionNamesTheNewStageAndAsksItsQuestion() {
        for (Kind kind : List.of(Kind.ADVANCE_COVERED, Kind.ADVANCE_REQUESTED, Kind.ADVANCE_OVER_TIME)) {
            for (int variant = 0; variant < 4; variant++) {
                String text = speak(new TurnPlan(kind, Stage.DATA, Stage.FRAME, List.of(), 0, null, variant));
                assertThat(text).as(kind + "/" + variant).contains("data preparation and features")
                        .endsWith(prompts.offlinePhrases().stageQuestion(Stage.DATA));
                assertThat(questions(text)).isEqualTo(1);
            }
        }
    }

    @Test
    void onlyAnOverTimeClosingSaysTheTimeIsUp() {
        String overTime = speak(new TurnPlan(Kind.CLOSE, Stage.MONITOR, Stage.MONITOR, List.of(), 0, null, 0,
                Kind.ADVANCE_OVER_TIME, -1));
        String covered = speak(new TurnPlan(Kind.CLOSE, Stage.MONITOR, Stage.MONITOR, List.of(), 0, null, 0,
                Kind.ADVANCE_COVERED, -1));
        String requested = speak(new TurnPlan(Kind.CLOSE, Stage.MONITOR, Stage.MONITOR, List.of(), 0, null, 0,
                Kind.ADVANCE_REQUESTED, -1));
        assertThat(overTime).contains("end of the time");
        assertThat(covered).doesNotContain("time");
        assertThat(requested).doesNotContain("time");
        assertThat(questions(overTime + covered + requested)).isZero();
    }

    @Test
    void aHintWithoutRubricHintsIsTheStageNudgeThenThePointedProbe() {
        Rubric.Signal signal = rubric.stage(Stage.CLARIFY).signals().get(0);
        String nudge = speak(new TurnPlan(Kind.HINT, Stage.CLARIFY, Stage.CLARIFY, List.of(), 0, signal.id(), 0, null, 0));
        String pointer = speak(new TurnPlan(Kind.HINT, Stage.CLARIFY, Stage.CLARIFY, List.of(), 0, signal.id(), 0, null, 1));
        assertThat(nudge).startsWith("A hint:").doesNotContain(signal.description());
        assertThat(pointer).isEqualTo("A more specific pointer: " + signal.probe());
        assertThat(questions(pointer)).isEqualTo(1);
    }

    @Test
    void closingAsksNothing() {
        assertThat(questions(speak(new TurnPlan(Kind.CLOSE, Stage.MONITOR, Stage.MONITOR, List.of(), 0, null, 0)))).isZero();
        assertThat(questions(speak(new TurnPlan(Kind.END_EARLY, Stage.DATA, Stage.DATA, List.of(), 0, null, 0)))).isZero();
    }

    @Test
    void isDeterministicAndProducesTheWholeTextAtOnce() {
        TurnPlan plan = new TurnPlan(Kind.ADVANCE_COVERED, Stage.MODEL, Stage.DATA, List.of(), 0, null, 7);
        List<String> deltas = new ArrayList<>();
        Words first = interviewer.speak(rubric, state, plan, deltas::add);
        assertThat(interviewer.speak(rubric, state, plan, deltas::add)).isEqualTo(first);
        assertThat(first.source()).isEqualTo(OfflineInterviewer.NAME);
        assertThat(deltas).isEmpty();
    }

    private String speak(TurnPlan plan) {
        return interviewer.speak(rubric, state, plan, piece -> { }).text();
    }

    private static long questions(String text) {
        return text.chars().filter(c -> c == '?').count();
    }
}
