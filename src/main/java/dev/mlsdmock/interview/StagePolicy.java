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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stage machine and follow-up policy. Decides, from the transcript, the rubric, the clock and what the latest
 * answer contained, what the interviewer does next: probe a missing signal (each at most once per stage, so a
 * candidate who misses a point is not asked forever), or move on because the stage is covered, the candidate
 * asked, or its time is spent; after the last stage, close. Key signals (rubric {@code key: true}) are probed
 * first, and a candidate who asks to move on with a key signal unasked-about gets that one question first.
 * In coach mode it also decides the next hint. A stage drill ({@link InterviewState#drill()}) is one stage: it has
 * the drill budget ({@link StageBudgets#of(Stage, boolean)}), and where a full interview would move on, it closes.
 * Pure logic: no database, no model, no Quarkus.
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
        Set<String> probed = state.probedInStage();
        List<Signal> missing = missing(rubric, state);
        if (latest.wantsToMoveOn()) {
            // A senior interviewer lets a candidate go on, but asks about the most important gap once first.
            Optional<Signal> keyGap = missing.stream().filter(s -> s.key() && !probed.contains(s.id())).findFirst();
            if (keyGap.isPresent()) {
                return new TurnPlan(Kind.PROBE, stage, stage, factIds(latest), latest.unansweredQuestions(),
                        keyGap.get().id(), variant, Kind.ADVANCE_REQUESTED, -1);
            }
            return advance(state, Kind.ADVANCE_REQUESTED, latest, variant);
        }
        if (budgets.remainingSeconds(stage, state.isDrill(), state.stageStartedAt(), now) <= 0) {
            return advance(state, Kind.ADVANCE_OVER_TIME, latest, variant);
        }
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

    /**
     * Coach mode: the next hint of the ladder. It points at the most important signal of the stage the candidate
     * has not shown: first a nudge, then more specific pointers; once a signal's ladder is spent, the next signal.
     * With nothing left to hint, the plan has no signal and the interviewer says so.
     */
    public TurnPlan hint(Rubric rubric, InterviewState state) {
        Stage stage = state.stage();
        int variant = state.interviewerTurnCount();
        for (Signal signal : missing(rubric, state)) {
            int given = state.hintsGiven(signal.id());
            if (given < ladderLength(signal)) {
                return new TurnPlan(Kind.HINT, stage, stage, List.of(), 0, signal.id(), variant, null, given);
            }
        }
        return new TurnPlan(Kind.HINT, stage, stage, List.of(), 0, null, variant, null, -1);
    }

    /** A signal's own hints, or else the stage's nudge and then the signal's probe as the pointer. */
    public static int ladderLength(Signal signal) {
        return signal.hints().isEmpty() ? 2 : signal.hints().size();
    }

    /** The stage's signals the candidate has not shown, key signals first, each group in rubric order. */
    private static List<Signal> missing(Rubric rubric, InterviewState state) {
        Set<String> shown = state.signalsShown();
        return rubric.stage(state.stage()).signals().stream().filter(s -> !shown.contains(s.id()))
                .sorted(Comparator.comparing(s -> !s.key())).toList();
    }

    /** The candidate pressed "next stage". */
    public TurnPlan advanceRequested(InterviewState state) {
        return advance(state, Kind.ADVANCE_REQUESTED, Analysis.empty(), state.interviewerTurnCount());
    }

    /** The candidate ended the interview (a drill that has an answer ends as done, not early). */
    public TurnPlan end(InterviewState state) {
        boolean lastStage = state.stage().isLast() || state.isDrill();
        Kind kind = lastStage && state.hasCandidateTurnIn(state.stage()) ? Kind.CLOSE : Kind.END_EARLY;
        return new TurnPlan(kind, state.stage(), state.stage(), List.of(), 0, null, state.interviewerTurnCount(),
                kind == Kind.CLOSE ? Kind.ADVANCE_REQUESTED : null, -1);
    }

    private TurnPlan advance(InterviewState state, Kind reason, Analysis latest, int variant) {
        Stage stage = state.stage();
        Optional<Stage> next = state.isDrill() ? Optional.empty() : stage.next();
        if (next.isEmpty()) {
            return new TurnPlan(Kind.CLOSE, stage, stage, factIds(latest), latest.unansweredQuestions(), null, variant,
                    reason, -1);
        }
        return new TurnPlan(reason, next.get(), stage, factIds(latest), latest.unansweredQuestions(), null, variant);
    }

    private static List<String> factIds(Analysis latest) {
        return latest.askedFacts().stream().map(Fact::id).toList();
    }
}
