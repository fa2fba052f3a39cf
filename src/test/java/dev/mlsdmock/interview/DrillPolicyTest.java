package dev.mlsdmock.interview;

import dev.mlsdmock.coverage.Analysis;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interviewer.OfflineInterviewer;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Signal;
import dev.mlsdmock.support.TestPrompts;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A stage drill's flow (one stage, opened directly, closed where a full interview would move on) and its wording. */
class DrillPolicyTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private final Rubric rubric = TestRubrics.load("news-feed");
    private final StagePolicy policy = new StagePolicy(StageBudgets.defaults());
    private final OfflineInterviewer offline = new OfflineInterviewer(TestPrompts.library()::offlinePhrases,
            TestPrompts.library()::drillPhrases, StageBudgets.defaults());
    private final List<TurnView> turns = new ArrayList<>();

    @Test
    void aDrillHasItsStageBudgetPlusReadingTime() {
        assertThat(StageBudgets.defaults().of(Stage.EVALUATE, true)).isEqualTo(Duration.ofMinutes(10));
        assertThat(StageBudgets.defaults().of(Stage.MODEL, true)).isEqualTo(Duration.ofMinutes(13));
        assertThat(StageBudgets.defaults().session(Stage.EVALUATE)).isEqualTo(Duration.ofMinutes(10));
        assertThat(StageBudgets.defaults().session(null)).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void theOpeningFramesTheProblemGivesTheFactsAndTheSettledFramingThenAsksTheStageQuestion() {
        TurnPlan open = policy.opening(drill());
        assertThat(open.stage()).isEqualTo(Stage.EVALUATE);
        String text = offline.text(rubric, drill(), open);

        assertThat(text).startsWith("This is a drill of one step, evaluation, with about 10 minutes.")
                .contains(rubric.opening().strip())
                .contains(rubric.fact("business-goal").orElseThrow().answer().strip())
                .contains("Take the earlier steps as settled: It predicts like, comment, share, click and hide probabilities")
                .doesNotContain(rubric.fact("latency").orElseThrow().answer().strip())
                .endsWith("How would you know the model is good, before and after launch?");
        assertThat(text.chars().filter(c -> c == '?').count()).isEqualTo(1);
    }

    @Test
    void aClarifyDrillGivesNoFactsAway() {
        InterviewState clarify = new InterviewState("offline", null, Stage.CLARIFY, START, List.of(), null, Stage.CLARIFY);
        String text = offline.text(rubric, clarify, policy.opening(clarify));
        assertThat(text).doesNotContain("What clarifying the requirements established")
                .doesNotContain(rubric.fact("scale").orElseThrow().answer().strip())
                .endsWith("What would you like to clarify before you start designing?");
    }

    @Test
    void coveringTheStageClosesTheDrillInsteadOfMovingOn() {
        interviewer(Kind.OPEN, null);
        Set<String> all = signals().stream().map(Signal::id).collect(Collectors.toSet());
        candidate(all);
        TurnPlan plan = policy.reply(rubric, drill(), Analysis.empty(), START.plusSeconds(60));
        assertThat(plan.kind()).isEqualTo(Kind.CLOSE);
        assertThat(plan.stage()).isEqualTo(Stage.EVALUATE);
        assertThat(plan.reason()).isEqualTo(Kind.ADVANCE_COVERED);
        assertThat(offline.text(rubric, drill(), plan)).isEqualTo(
                "That covers evaluation, which ends this drill. Thanks. I'll put together feedback on this step against the rubric.");
    }

    @Test
    void aMoveOnRequestAsksTheKeyGapOnceThenCloses() {
        interviewer(Kind.OPEN, null);
        candidate(Set.of());
        Analysis moveOn = new Analysis(Set.of(), List.of(), 0, true);
        TurnPlan first = policy.reply(rubric, drill(), moveOn, START.plusSeconds(60));
        assertThat(first.kind()).isEqualTo(Kind.PROBE);
        interviewer(Kind.PROBE, first.probeId());
        candidate(Set.of());
        TurnPlan second = policy.reply(rubric, drill(), moveOn, START.plusSeconds(90));
        assertThat(second.kind()).isEqualTo(Kind.CLOSE);
        assertThat(offline.text(rubric, drill(), second)).startsWith("Okay, let's end the drill here.");
        assertThat(policy.advanceRequested(drill()).kind()).isEqualTo(Kind.CLOSE);
    }

    @Test
    void theDrillClockIsTheStageBudgetPlusThreeMinutes() {
        interviewer(Kind.OPEN, null);
        candidate(Set.of());
        // 8 minutes in: over a full interview's 7 for evaluation, within the drill's 10.
        assertThat(policy.reply(rubric, drill(), Analysis.empty(), START.plus(Duration.ofMinutes(8))).kind())
                .isEqualTo(Kind.PROBE);
        TurnPlan over = policy.reply(rubric, drill(), Analysis.empty(), START.plus(Duration.ofMinutes(10)));
        assertThat(over.kind()).isEqualTo(Kind.CLOSE);
        assertThat(over.reason()).isEqualTo(Kind.ADVANCE_OVER_TIME);
        assertThat(offline.text(rubric, drill(), over)).startsWith("That's the time for this drill on evaluation.");
    }

    @Test
    void endingADrillWithAnAnswerClosesItAndWithoutOneEndsItEarly() {
        interviewer(Kind.OPEN, null);
        assertThat(policy.end(drill()).kind()).isEqualTo(Kind.END_EARLY);
        assertThat(offline.text(rubric, drill(), policy.end(drill()))).startsWith("Okay, we'll stop this drill here.");
        candidate(Set.of());
        assertThat(policy.end(drill()).kind()).isEqualTo(Kind.CLOSE);
    }

    private InterviewState drill() {
        return new InterviewState("offline", null, Stage.EVALUATE, START, turns, null, Stage.EVALUATE);
    }

    private List<Signal> signals() {
        return rubric.stage(Stage.EVALUATE).signals();
    }

    private void interviewer(Kind kind, String probe) {
        turns.add(new TurnView(turns.size() + 1, Role.INTERVIEWER, Stage.EVALUATE, "q", START, null, kind, probe,
                Set.of(), "offline", null, null));
    }

    private void candidate(Set<String> signals) {
        turns.add(new TurnView(turns.size() + 1, Role.CANDIDATE, Stage.EVALUATE, "a", START, "c" + turns.size(), null,
                null, signals, null, null, null));
    }
}
