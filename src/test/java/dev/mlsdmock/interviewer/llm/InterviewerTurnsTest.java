package dev.mlsdmock.interviewer.llm;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestPrompts;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The model is told why a probe or the closing happens, so its words match the server's reason as offline ones do. */
class InterviewerTurnsTest {

    private static final LlmPrompts PROMPTS = new LlmPrompts(TestPrompts.library());
    private static final Rubric ADS = TestRubrics.load("ad-click-prediction");
    private static final PromptAssembler ASSEMBLER = new PromptAssembler(PROMPTS.system(), PROMPTS.turns(),
            TestPrompts.library().offlinePhrases(), TestPrompts.library().drillPhrases(), StageBudgets.defaults());

    @Test
    void theClosingSaysWhyTheInterviewEnded() {
        String covered = instruction(close(null));
        String requested = instruction(close(Kind.ADVANCE_REQUESTED));
        String overTime = instruction(close(Kind.ADVANCE_OVER_TIME));
        assertThat(overTime).contains("end of the time").contains("Ask no question");
        assertThat(requested).contains("wrap up here").doesNotContain("end of the time");
        assertThat(covered).contains("The last step is done").doesNotContain("end of the time");
        assertThat(List.of(covered, requested, overTime)).doesNotHaveDuplicates();
    }

    @Test
    void aProbeBeforeMovingOnSaysSoAndCarriesOnlyTheProbeQuestion() {
        Rubric.Signal key = ADS.stage(Stage.MODEL).signals().stream().filter(Rubric.Signal::key).findFirst().orElseThrow();
        TurnPlan before = new TurnPlan(Kind.PROBE, Stage.MODEL, Stage.MODEL, List.of(), 0, key.id(), 0, Kind.ADVANCE_REQUESTED, -1);
        TurnPlan plain = new TurnPlan(Kind.PROBE, Stage.MODEL, Stage.MODEL, List.of(), 0, key.id(), 0);
        assertThat(instruction(before)).contains("before moving on").contains("\"" + key.probe() + "\"")
                .doesNotContain(key.description());
        assertThat(instruction(plain)).doesNotContain("before moving on").contains("\"" + key.probe() + "\"");
    }

    @Test
    void aPromptsDirCopyWithoutTheVariantsFallsBackToThePlainInstruction() {
        InterviewerTurns shipped = PROMPTS.turns();
        Map<String, String> old = new HashMap<>(shipped.instructions());
        InterviewerTurns.VARIANTS.forEach(old::remove);
        InterviewerTurns turns = new InterviewerTurns(old, shipped.revealFacts(), shipped.notSpecified(),
                shipped.requirementChange(), shipped.events(), shipped.requirementChanges()).validate();
        assertThat(turns.instruction(close(Kind.ADVANCE_OVER_TIME))).isEqualTo(shipped.instruction(Kind.CLOSE));
    }

    private static TurnPlan close(Kind reason) {
        return new TurnPlan(Kind.CLOSE, Stage.MONITOR, Stage.MONITOR, List.of(), 0, null, 0, reason, -1);
    }

    private static String instruction(TurnPlan plan) {
        return ASSEMBLER.instruction(ADS, plan, null);
    }
}
