package dev.mlsdmock.interview;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.coverage.Analysis;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Signal;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class StagePolicyTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private final Rubric rubric = TestRubrics.load("ad-click-prediction");
    private final StagePolicy policy = new StagePolicy(StageBudgets.defaults());
    private final List<TurnView> turns = new ArrayList<>();

    @Test
    void defaultBudgetsSumToFortyFiveMinutes() {
        assertThat(StageBudgets.defaults().total()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void opensInClarify() {
        TurnPlan plan = policy.opening(state(Stage.CLARIFY));
        assertThat(plan.kind()).isEqualTo(Kind.OPEN);
        assertThat(plan.stage()).isEqualTo(Stage.CLARIFY);
    }

    @Test
    void probesTheFirstMissingSignalOfTheStage() {
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        candidate(Stage.CLARIFY);
        TurnPlan plan = policy.reply(rubric, state(Stage.CLARIFY), Analysis.empty(), START.plusSeconds(30));
        assertThat(plan.kind()).isEqualTo(Kind.PROBE);
        assertThat(plan.probeId()).isEqualTo(signals(Stage.CLARIFY).get(0).id());
    }

    @Test
    void neverProbesTheSameSignalTwiceInAStage() {
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        candidate(Stage.CLARIFY);
        List<String> probed = new ArrayList<>();
        TurnPlan plan = policy.reply(rubric, state(Stage.CLARIFY), Analysis.empty(), START.plusSeconds(10));
        while (plan.kind() == Kind.PROBE) {
            assertThat(probed).doesNotContain(plan.probeId());
            probed.add(plan.probeId());
            interviewer(Stage.CLARIFY, Kind.PROBE, plan.probeId());
            candidate(Stage.CLARIFY);
            plan = policy.reply(rubric, state(Stage.CLARIFY), Analysis.empty(), START.plusSeconds(10));
        }
        assertThat(probed).containsExactlyElementsOf(signals(Stage.CLARIFY).stream().map(Signal::id).toList());
        assertThat(plan.kind()).isEqualTo(Kind.ADVANCE_COVERED);
        assertThat(plan.stage()).isEqualTo(Stage.FRAME);
        assertThat(plan.from()).isEqualTo(Stage.CLARIFY);
    }

    @Test
    void skipsSignalsTheCandidateAlreadyShowedAndAdvancesWhenAllAreCovered() {
        List<Signal> clarify = signals(Stage.CLARIFY);
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        candidate(Stage.CLARIFY, clarify.get(0).id());
        TurnPlan plan = policy.reply(rubric, state(Stage.CLARIFY), Analysis.empty(), START.plusSeconds(10));
        assertThat(plan.probeId()).isEqualTo(clarify.get(1).id());

        Set<String> all = clarify.stream().map(Signal::id).collect(Collectors.toSet());
        candidate(Stage.CLARIFY, all.toArray(String[]::new));
        plan = policy.reply(rubric, state(Stage.CLARIFY), new Analysis(all, List.of(), 0, false), START.plusSeconds(20));
        assertThat(plan.kind()).isEqualTo(Kind.ADVANCE_COVERED);
        assertThat(plan.stage()).isEqualTo(Stage.FRAME);
    }

    @Test
    void signalsShownInAnEarlierStageCount() {
        Set<String> frameSignals = signals(Stage.FRAME).stream().map(Signal::id).collect(Collectors.toSet());
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        candidate(Stage.CLARIFY, frameSignals.toArray(String[]::new));
        interviewer(Stage.FRAME, Kind.ADVANCE_COVERED, null);
        candidate(Stage.FRAME);
        TurnPlan plan = policy.reply(rubric, state(Stage.FRAME), Analysis.empty(), START.plusSeconds(10));
        assertThat(plan.kind()).isEqualTo(Kind.ADVANCE_COVERED);
        assertThat(plan.stage()).isEqualTo(Stage.DATA);
    }

    @Test
    void afterAnsweringQuestionsItLetsTheCandidateContinueOnceBeforeMovingOn() {
        Set<String> all = signals(Stage.CLARIFY).stream().map(Signal::id).collect(Collectors.toSet());
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        candidate(Stage.CLARIFY, all.toArray(String[]::new));
        Analysis asked = new Analysis(all, List.of(rubric.facts().get(0)), 0, false);
        TurnPlan plan = policy.reply(rubric, state(Stage.CLARIFY), asked, START.plusSeconds(10));
        assertThat(plan.kind()).isEqualTo(Kind.KEEP_GOING);
        assertThat(plan.factIds()).containsExactly(rubric.facts().get(0).id());

        interviewer(Stage.CLARIFY, Kind.KEEP_GOING, null);
        candidate(Stage.CLARIFY);
        plan = policy.reply(rubric, state(Stage.CLARIFY), asked, START.plusSeconds(20));
        assertThat(plan.kind()).isEqualTo(Kind.ADVANCE_COVERED);
    }

    @Test
    void movesOnWhenTheCandidateAsks() {
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        candidate(Stage.CLARIFY);
        TurnPlan plan = policy.reply(rubric, state(Stage.CLARIFY), new Analysis(Set.of(), List.of(), 0, true), START.plusSeconds(5));
        assertThat(plan.kind()).isEqualTo(Kind.ADVANCE_REQUESTED);
        assertThat(plan.stage()).isEqualTo(Stage.FRAME);
        assertThat(policy.advanceRequested(state(Stage.CLARIFY)).stage()).isEqualTo(Stage.FRAME);
    }

    @Test
    void movesOnWhenTheStageBudgetIsSpent() {
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        candidate(Stage.CLARIFY);
        TurnPlan early = policy.reply(rubric, state(Stage.CLARIFY), Analysis.empty(), START.plus(Duration.ofMinutes(4)));
        assertThat(early.kind()).isEqualTo(Kind.PROBE);
        TurnPlan late = policy.reply(rubric, state(Stage.CLARIFY), Analysis.empty(), START.plus(Duration.ofMinutes(5)));
        assertThat(late.kind()).isEqualTo(Kind.ADVANCE_OVER_TIME);
        assertThat(late.stage()).isEqualTo(Stage.FRAME);
    }

    @Test
    void closesAfterMonitor() {
        interviewer(Stage.MONITOR, Kind.ADVANCE_COVERED, null);
        candidate(Stage.MONITOR);
        TurnPlan plan = policy.reply(rubric, state(Stage.MONITOR), new Analysis(Set.of(), List.of(), 0, true), START.plusSeconds(5));
        assertThat(plan.kind()).isEqualTo(Kind.CLOSE);
        assertThat(plan.endsInterview()).isTrue();
        assertThat(plan.changesStage()).isFalse();
    }

    @Test
    void endingEarlyIsNotAClose() {
        interviewer(Stage.CLARIFY, Kind.OPEN, null);
        assertThat(policy.end(state(Stage.DATA)).kind()).isEqualTo(Kind.END_EARLY);
        candidate(Stage.MONITOR);
        assertThat(policy.end(state(Stage.MONITOR)).kind()).isEqualTo(Kind.CLOSE);
    }

    @Test
    void remainingSecondsGoNegativeWhenOverBudget() {
        StageBudgets budgets = StageBudgets.defaults();
        assertThat(budgets.remainingSeconds(Stage.CLARIFY, START, START.plusSeconds(60))).isEqualTo(240);
        assertThat(budgets.remainingSeconds(Stage.CLARIFY, START, START.plusSeconds(330))).isEqualTo(-30);
    }

    @Test
    void keySignalsAreProbedFirst() {
        interviewer(Stage.EVALUATE, Kind.ADVANCE_COVERED, null);
        candidate(Stage.EVALUATE);
        TurnPlan plan = policy.reply(rubric, state(Stage.EVALUATE), Analysis.empty(), START.plusSeconds(30));
        assertThat(signals(Stage.EVALUATE).get(0).key()).isFalse();
        assertThat(plan.probeId()).isEqualTo("eval-online-ab");
    }

    @Test
    void aMoveOnRequestWithAKeyGapGetsThatProbeOnceThenMovesOn() {
        interviewer(Stage.MODEL, Kind.ADVANCE_COVERED, null);
        candidate(Stage.MODEL);
        Analysis moveOn = new Analysis(Set.of(), List.of(), 0, true);
        TurnPlan plan = policy.reply(rubric, state(Stage.MODEL), moveOn, START.plusSeconds(30));
        assertThat(plan.kind()).isEqualTo(Kind.PROBE);
        assertThat(plan.probeId()).isEqualTo("model-baseline-tradeoffs");
        assertThat(plan.reason()).isEqualTo(Kind.ADVANCE_REQUESTED);
        interviewer(Stage.MODEL, Kind.PROBE, plan.probeId());
        candidate(Stage.MODEL);
        plan = policy.reply(rubric, state(Stage.MODEL), moveOn, START.plusSeconds(60));
        assertThat(plan.kind()).isEqualTo(Kind.ADVANCE_REQUESTED);
        assertThat(plan.stage()).isEqualTo(Stage.EVALUATE);
    }

    @Test
    void theClosingCarriesWhyTheLastStageEnded() {
        interviewer(Stage.MONITOR, Kind.ADVANCE_COVERED, null);
        candidate(Stage.MONITOR);
        TurnPlan late = policy.reply(rubric, state(Stage.MONITOR), Analysis.empty(), START.plus(Duration.ofMinutes(6)));
        assertThat(late.kind()).isEqualTo(Kind.CLOSE);
        assertThat(late.reason()).isEqualTo(Kind.ADVANCE_OVER_TIME);
        TurnPlan asked = policy.reply(rubric, state(Stage.MONITOR), new Analysis(Set.of(), List.of(), 0, true), START.plusSeconds(5));
        assertThat(asked.reason()).isEqualTo(Kind.ADVANCE_REQUESTED);
    }

    @Test
    void hintsClimbTheLadderOfTheMostImportantMissingSignalThenTheNext() {
        interviewer(Stage.MODEL, Kind.ADVANCE_COVERED, null);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TurnPlan hint = policy.hint(rubric, state(Stage.MODEL));
            assertThat(hint.kind()).isEqualTo(Kind.HINT);
            assertThat(hint.changesStage()).isFalse();
            steps.add(hint.probeId() + "#" + hint.hintStep());
            interviewer(Stage.MODEL, Kind.HINT, hint.probeId());
        }
        assertThat(steps).containsExactly("model-baseline-tradeoffs#0", "model-baseline-tradeoffs#1",
                "model-feature-interactions#0", "model-feature-interactions#1");
    }

    @Test
    void withEverySignalShownThereIsNoHintLeft() {
        interviewer(Stage.MODEL, Kind.ADVANCE_COVERED, null);
        candidate(Stage.MODEL, signals(Stage.MODEL).stream().map(Signal::id).toArray(String[]::new));
        TurnPlan hint = policy.hint(rubric, state(Stage.MODEL));
        assertThat(hint.probeId()).isNull();
        assertThat(hint.hintStep()).isEqualTo(-1);
    }

    private List<Signal> signals(Stage stage) {
        return rubric.stage(stage).signals();
    }

    private InterviewState state(Stage stage) {
        return new InterviewState(stage, START, List.copyOf(turns));
    }

    private void interviewer(Stage stage, Kind kind, String probe) {
        turns.add(new TurnView(turns.size() + 1, Role.INTERVIEWER, stage, "...", START, null, kind, probe, Set.of(),
                "offline", null, null));
    }

    private void candidate(Stage stage, String... signals) {
        turns.add(new TurnView(turns.size() + 1, Role.CANDIDATE, stage, "...", START, "c" + turns.size(), null, null,
                Set.of(signals), null, null, null));
    }
}
