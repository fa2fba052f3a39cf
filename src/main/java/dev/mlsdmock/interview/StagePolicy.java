package dev.mlsdmock.interview;

import dev.mlsdmock.coverage.Analysis;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Fact;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stage machine and follow-up policy. Decides, from the transcript, the rubric, the clock and what the latest
 * answer contained, what the interviewer does next: probe a missing signal (each at most once per stage, so a
 * candidate who misses a point is not asked forever), or move on because the stage is covered, the candidate
 * asked, or its time is spent; after the last stage, close. Pure logic: no database, no model, no Quarkus.
 */
public final class StagePolicy {

    private final StageBudgets budgets;

    public StagePolicy(StageBudgets budgets) {
        this.budgets = budgets;
    }

    public StageBudgets budgets() {
        return budgets;
    }

    public TurnPlan opening(InterviewState state) {
        return new TurnPlan(Kind.OPEN, state.stage(), state.stage(), List.of(), 0, null, 0);
    }

    /** The reply to the candidate's latest turn, whose content is summarised by {@code latest}. */
    public TurnPlan reply(Rubric rubric, InterviewState state, Analysis latest, Instant now) {
        Stage stage = state.stage();
        int variant = state.interviewerTurnCount();
        if (latest.wantsToMoveOn()) {
            return advance(state, Kind.ADVANCE_REQUESTED, latest, variant);
        }
        if (budgets.remainingSeconds(stage, state.stageStartedAt(), now) <= 0) {
            return advance(state, Kind.ADVANCE_OVER_TIME, latest, variant);
        }
        Set<String> shown = state.signalsShown();
        Set<String> probed = state.probedInStage();
        List<Signal> missing = rubric.stage(stage).signals().stream()
                .filter(s -> !shown.contains(s.id())).toList();
        Optional<Signal> nextProbe = missing.stream().filter(s -> !probed.contains(s.id())).findFirst();
        if (nextProbe.isPresent()) {
            return new TurnPlan(Kind.PROBE, stage, stage, factIds(latest), latest.unansweredQuestions(),
                    nextProbe.get().id(), variant);
        }
        boolean justGotAnswers = !latest.askedFacts().isEmpty() || latest.unansweredQuestions() > 0;
        if (justGotAnswers && !state.keptGoingSinceLastCandidateTurn()) {
            // Give the candidate a chance to use what they just learned before the stage closes.
            return new TurnPlan(Kind.KEEP_GOING, stage, stage, factIds(latest), latest.unansweredQuestions(), null, variant);
        }
        return advance(state, Kind.ADVANCE_COVERED, latest, variant);
    }

    /** The candidate pressed "next stage". */
    public TurnPlan advanceRequested(InterviewState state) {
        return advance(state, Kind.ADVANCE_REQUESTED, Analysis.empty(), state.interviewerTurnCount());
    }

    /** The candidate ended the interview. */
    public TurnPlan end(InterviewState state) {
        Kind kind = state.stage().isLast() && state.hasCandidateTurnIn(state.stage()) ? Kind.CLOSE : Kind.END_EARLY;
        return new TurnPlan(kind, state.stage(), state.stage(), List.of(), 0, null, state.interviewerTurnCount());
    }

    private TurnPlan advance(InterviewState state, Kind reason, Analysis latest, int variant) {
        Stage stage = state.stage();
        Optional<Stage> next = stage.next();
        if (next.isEmpty()) {
            return new TurnPlan(Kind.CLOSE, stage, stage, factIds(latest), latest.unansweredQuestions(), null, variant);
        }
        return new TurnPlan(reason, next.get(), stage, factIds(latest), latest.unansweredQuestions(), null, variant);
    }

    private static List<String> factIds(Analysis latest) {
        return latest.askedFacts().stream().map(Fact::id).toList();
    }
}
