package dev.mlsdmock.interview;

import dev.mlsdmock.coverage.Analysis;
import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interviewer.Interviewer;
import dev.mlsdmock.interviewer.OfflineInterviewer;
import dev.mlsdmock.interviewer.Words;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestPrompts;
import dev.mlsdmock.support.TestRubrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One interview driven turn by turn without a server: the real coverage detector (embedding model), the stage
 * policy and an interviewer, wired the way {@link InterviewDialogue} wires them, with a clock the script moves.
 * The interviewer scenarios run on it; any {@link Interviewer} (offline, or a model) can be plugged in.
 */
final class ScriptedInterview {

    private static final CoverageDetector DETECTOR = TestPrompts.detector();
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    final Rubric rubric;
    private final StagePolicy policy = new StagePolicy(StageBudgets.defaults());
    private final Interviewer interviewer;
    private final String interviewerKind;
    private final List<TurnView> turns = new ArrayList<>();
    private final List<TurnPlan> plans = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private Stage stage = Stage.CLARIFY;
    private Instant stageStartedAt = START;
    private Instant now = START;
    private boolean ended;

    ScriptedInterview(String problemId) {
        this(problemId, new OfflineInterviewer(TestPrompts.library()::offlinePhrases, TestPrompts.library()::drillPhrases,
                StageBudgets.defaults()),
                InterviewState.OFFLINE);
    }

    /**
     * @param interviewerKind what the interview was created with ({@link InterviewState#OFFLINE} or
     *                        {@link InterviewState#LLM}): the {@code InterviewerSwitch} lets the model speak only for an
     *                        LLM interview
     */
    ScriptedInterview(String problemId, Interviewer interviewer, String interviewerKind) {
        this.rubric = TestRubrics.load(problemId);
        this.interviewer = interviewer;
        this.interviewerKind = interviewerKind;
    }

    String open() {
        return speak(policy.opening(state()));
    }

    /** The candidate says something; returns the interviewer's reply. */
    String say(String text) {
        now = now.plusSeconds(20);
        Analysis analysis = DETECTOR.analyze(rubric, stage, text, state().lastInterviewerText());
        InterviewState before = state();
        turns.add(new TurnView(turns.size() + 1, Role.CANDIDATE, stage, text, now, "c" + turns.size(), null, null,
                analysis.signalIds(), null, null, null, before.promptedBy(analysis.signalIds())));
        return speak(policy.reply(rubric, state(), analysis, now));
    }

    String hint() {
        return speak(policy.hint(rubric, state()));
    }

    /** The "next stage" button. */
    String moveOn() {
        return speak(policy.advanceRequested(state()));
    }

    /** Jumps to a stage, as if the earlier ones had been walked through with the button. */
    ScriptedInterview at(Stage target) {
        while (stage != target) {
            moveOn();
        }
        return this;
    }

    void elapse(Duration d) {
        now = now.plus(d);
    }

    Stage stage() {
        return stage;
    }

    boolean ended() {
        return ended;
    }

    TurnPlan lastPlan() {
        return plans.get(plans.size() - 1);
    }

    List<TurnView> turns() {
        return List.copyOf(turns);
    }

    List<String> interviewerTexts() {
        return turns.stream().filter(t -> t.role() == Role.INTERVIEWER).map(TurnView::text).toList();
    }

    private String speak(TurnPlan plan) {
        Words words = interviewer.speak(rubric, state(), plan, piece -> { });
        if (words.notice() != null) {
            notices.add("turn " + (turns.size() + 1) + ": " + words.notice().code() + ": " + words.notice().message());
        }
        String text = words.text();
        plans.add(plan);
        now = now.plusSeconds(5);
        turns.add(new TurnView(turns.size() + 1, Role.INTERVIEWER, plan.stage(), text, now, null, plan.kind(),
                plan.probeId(), java.util.Set.of(), words.source(), null, null));
        if (plan.changesStage()) {
            stage = plan.stage();
            stageStartedAt = now;
        }
        ended = plan.endsInterview();
        return text;
    }

    /** What the interviewer told the client besides its turns, e.g. why the offline interviewer spoke for the model. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    /** Every plan so far, one per interviewer turn. */
    List<TurnPlan> plans() {
        return List.copyOf(plans);
    }

    private InterviewState state() {
        return new InterviewState(interviewerKind, null, stage, stageStartedAt, turns);
    }
}
