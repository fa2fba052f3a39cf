package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestPrompts;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the offline interviewer notices in a diagram: driven by the rubric and prompts/diagram-components.yaml. */
class DiagramReadingTest {

    private static final String DIAGRAM = "flowchart LR\n  U[User events] --> FS[(Feature store)]\n  FS --> M[Model]";
    private final Rubric rubric = TestRubrics.load("video-recommendation");
    private final dev.mlsdmock.prompt.PromptLibrary prompts = TestPrompts.library();
    private final OfflineInterviewer interviewer = new OfflineInterviewer(prompts::offlinePhrases,
            prompts::drillPhrases, prompts::diagramComponents, StageBudgets.defaults());

    @Test
    void aDrawnComponentTheRubricExpectsLaterThatWasNeverSaidIsMentionedBeforeTheQuestion() {
        Rubric.Signal probe = rubric.stage(Stage.CLARIFY).signals().get(0);
        TurnPlan plan = new TurnPlan(Kind.PROBE, Stage.CLARIFY, Stage.CLARIFY, List.of(), 0, probe.id(), 1);
        String text = interviewer.text(rubric, state(Stage.CLARIFY, "How many users are there?", DIAGRAM), plan);
        assertThat(text).startsWith("I see \"feature store\" in your diagram").endsWith(probe.probe());
        assertThat(text.chars().filter(c -> c == '?').count()).isEqualTo(1);
    }

    @Test
    void midWayThroughAStepTheComponentIsTheQuestion() {
        TurnPlan plan = new TurnPlan(Kind.KEEP_GOING, Stage.DATA, Stage.DATA, List.of(), 0, null, 1);
        String text = interviewer.text(rubric, state(Stage.DATA, "I'd log impressions and watches.", DIAGRAM), plan);
        assertThat(text).isEqualTo("I see \"feature store\" in your diagram, and you haven't mentioned it yet. "
                + "What does it do in your design?");
    }

    @Test
    void aComponentTheCandidateTalkedAboutOrTheInterviewerNamedIsNotMentionedAgain() {
        TurnPlan plan = new TurnPlan(Kind.ADVANCE_COVERED, Stage.FRAME, Stage.CLARIFY, List.of(), 0, null, 1);
        InterviewState talked = state(Stage.CLARIFY, "Fresh features come from a feature store.", DIAGRAM);
        assertThat(interviewer.text(rubric, talked, plan)).isEqualTo(interviewer.text(rubric, plan));
        InterviewState named = state(Stage.CLARIFY, "Users and scale.", DIAGRAM, "I see \"feature store\" in your diagram.");
        assertThat(DiagramReading.read(prompts.diagramComponents(), rubric, named, plan)).isEmpty();
    }

    @Test
    void aComponentTheStepsKeySignalNeedsIsMissingFromTheDiagram() {
        // Model development's key signal asks for a baseline and a deeper ranker; the diagram has no ranker.
        TurnPlan plan = new TurnPlan(Kind.PROBE, Stage.MODEL, Stage.MODEL, List.of(), 0,
                rubric.stage(Stage.MODEL).signals().get(0).id(), 1);
        var finding = DiagramReading.read(prompts.diagramComponents(), rubric,
                state(Stage.MODEL, "A feature store serves features.", DIAGRAM), plan);
        assertThat(finding).isPresent();
        assertThat(finding.get().drawn()).isFalse();
        assertThat(DiagramReading.words(prompts.diagramComponents(), finding.get()))
                .isEqualTo("Your diagram has nothing for \"ranking stage\" yet; keep it in mind as we go.");
    }

    @Test
    void withoutADiagramOrOnTheOpeningNothingIsNoticed() {
        TurnPlan probe = new TurnPlan(Kind.PROBE, Stage.MODEL, Stage.MODEL, List.of(), 0,
                rubric.stage(Stage.MODEL).signals().get(0).id(), 1);
        assertThat(DiagramReading.read(prompts.diagramComponents(), rubric, state(Stage.MODEL, "Hi.", null), probe)).isEmpty();
        TurnPlan open = new TurnPlan(Kind.OPEN, Stage.CLARIFY, Stage.CLARIFY, List.of(), 0, null, 0);
        assertThat(DiagramReading.read(prompts.diagramComponents(), rubric, state(Stage.CLARIFY, "Hi.", DIAGRAM), open)).isEmpty();
    }

    private static InterviewState state(Stage stage, String answer, String diagram, String... interviewer) {
        List<TurnView> turns = new ArrayList<>();
        turns.add(turn(1, Role.INTERVIEWER, "Design the homepage recommendations. What would you clarify?", null));
        for (String said : interviewer) {
            turns.add(turn(turns.size() + 1, Role.INTERVIEWER, said, null));
        }
        turns.add(turn(turns.size() + 1, Role.CANDIDATE, answer, null));
        if (diagram != null) {
            turns.add(turn(turns.size() + 1, Role.CANDIDATE, diagram, Kind.DIAGRAM));
        }
        return new InterviewState(stage, Instant.EPOCH, turns);
    }

    private static TurnView turn(int seq, Role role, String text, Kind kind) {
        return new TurnView(seq, role, Stage.CLARIFY, text, Instant.EPOCH, null, kind, null, Set.of(), null, null, null);
    }
}
