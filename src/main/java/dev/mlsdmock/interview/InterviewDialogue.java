package dev.mlsdmock.interview;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.coverage.Analysis;
import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interview.Frames.StageFrame;
import dev.mlsdmock.interviewer.Interviewer;
import dev.mlsdmock.interviewer.Words;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The conversation of a running interview: interviewer turns out (answers come in through {@link InterviewAnswers}).
 * Each step commits before anything is sent to the client: a candidate turn before its echo, an interviewer turn
 * before its frame. Every
 * write locks the interview row, so two connections or two app instances never interleave turns; the
 * interviewer's words are produced outside the lock and stored only if nobody else has written in the meantime.
 */
@ApplicationScoped
public class InterviewDialogue {

    private final InterviewService interviews;
    private final RubricRegistry rubrics;
    private final StagePolicy policy;
    private final InterviewHints hints;
    private final CoverageDetector coverage;
    private final Interviewer interviewer;
    private final Clock clock;
    private final Event<InterviewEnded> ended;

    public InterviewDialogue(InterviewService interviews, RubricRegistry rubrics, StagePolicy policy,
                             CoverageDetector coverage, Interviewer interviewer, Clock clock,
                             Event<InterviewEnded> ended, InterviewHints hints) {
        this.interviews = interviews;
        this.rubrics = rubrics;
        this.policy = policy;
        this.coverage = coverage;
        this.interviewer = interviewer;
        this.clock = clock;
        this.ended = ended;
        this.hints = hints;
    }

    /** The state a (re)connecting client needs: the stage, every stored turn, and whether the interview ended. */
    public Snapshot snapshot(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = InterviewIds.require(id);
            return new Snapshot(interviews.stageFrame(interview), Turn.transcript(id).stream().map(Turn::view).toList(),
                    !interview.isActive());
        });
    }

    /** The interviewer's opening, if the interview has no turn yet. */
    public Optional<Spoken> openIfNew(UUID id, BiConsumer<Integer, String> deltas) {
        return speak(id, (rubric, state) -> state.turns().stream().allMatch(TurnView::diagram) ? Optional.of(policy.opening(state)) : Optional.empty(),
                deltas);
    }

    /** The interviewer's reply to an answer just stored: planned from the state read when it was stored. */
    public Optional<Spoken> replyTo(UUID id, Acknowledged ack, BiConsumer<Integer, String> deltas) {
        if (ack.stored() == null) {
            return reply(id, ack.analysis(), deltas);
        }
        InterviewState state = ack.stored().state();
        Rubric rubric = rubricOf(ack.stored().problemId());
        TurnPlan plan = policy.reply(rubric, state, ack.analysis(), Instant.now(clock));
        return say(id, new Prepared(rubric, state, plan, ack.turn().seq()), deltas);
    }

    /**
     * The interviewer's reply when the last turn is the candidate's: right after an answer, or on reconnect when
     * the server stopped between storing an answer and replying to it.
     *
     * @param analysis what the answer contained, when the caller has it; recomputed from the stored turn otherwise
     */
    public Optional<Spoken> reply(UUID id, Analysis analysis, BiConsumer<Integer, String> deltas) {
        return speak(id, (rubric, state) -> {
            if (!state.endsWithCandidate()) {
                return Optional.empty();
            }
            TurnView last = state.lastUtterance().orElseThrow();
            Analysis a = analysis != null ? analysis
                    : coverage.analyze(rubric, last.stage(), last.text(), state.lastInterviewerText());
            return Optional.of(policy.reply(rubric, state, a, Instant.now(clock)));
        }, deltas);
    }

    /** The candidate asked for the next stage; empty when the interview has ended. */
    public Optional<Spoken> advance(UUID id, BiConsumer<Integer, String> deltas) {
        return speak(id, (rubric, state) -> Optional.of(policy.advanceRequested(state)), deltas);
    }

    /** Whether the interview is in coach mode, where the candidate may ask for hints. */
    public boolean coaching(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> InterviewIds.require(id).coaching());
    }

    /** Coach mode: the next hint of the ladder (StagePolicy#hint), stored as an interviewer turn. */
    public Optional<Spoken> hint(UUID id, BiConsumer<Integer, String> deltas) {
        return speak(id, (rubric, state) -> Optional.of(policy.hint(rubric, state)), deltas);
    }

    /** The candidate ended the interview: a closing turn, then the interview is ended. Empty when it had ended. */
    public Optional<Spoken> end(UUID id, BiConsumer<Integer, String> deltas) {
        return speak(id, (rubric, state) -> Optional.of(policy.end(state)), deltas);
    }

    private Optional<Spoken> speak(UUID id, Decision decide, BiConsumer<Integer, String> deltas) {
        Optional<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = InterviewIds.require(id);
            if (!interview.isActive()) {
                return Optional.empty();
            }
            InterviewState state = interview.state(Turn.transcript(id).stream().map(Turn::view).toList());
            Rubric rubric = rubricOf(interview.problemId);
            return decide.plan(rubric, state).map(plan -> new Prepared(rubric, state, plan, state.lastSeq()));
        });
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        return say(id, prepared.get(), deltas);
    }

    private Optional<Spoken> say(UUID id, Prepared p, BiConsumer<Integer, String> deltas) {
        return say(id, p, deltas, () -> { });
    }

    /**
     * Puts the planned turn into words and stores it.
     *
     * @param beforeStore runs after the words are complete and before they are stored; may stop the turn by throwing
     */
    Optional<Spoken> say(UUID id, Prepared p, BiConsumer<Integer, String> deltas, Runnable beforeStore) {
        int seq = p.lastSeq() + 1;
        // The words come from outside the transaction: a model may stream for many seconds.
        Words words = interviewer.speak(p.rubric(), p.state(), p.plan(), piece -> deltas.accept(seq, piece));
        beforeStore.run();
        Optional<Spoken> spoken = QuarkusTransaction.requiringNew().call(() -> store(id, p, seq, words));
        spoken.ifPresent(s -> hints.spoke(id, p.rubric().id(), s.turn(), s.ended()));
        if (spoken.isPresent() && spoken.get().ended()) {
            ended.fire(new InterviewEnded(id));
        }
        return spoken;
    }

    private Optional<Spoken> store(UUID id, Prepared p, int planned, Words words) {
        Interview interview = InterviewIds.lock(id);
        if (!interview.isActive() || Turn.spokenSince(id, p.lastSeq())) {
            return Optional.empty(); // someone else spoke first; their turn stands (a diagram saved meanwhile does not)
        }
        int seq = Math.max(planned, Turn.lastSeq(id) + 1);
        Instant now = Instant.now(clock);
        TurnPlan plan = p.plan();
        Turn turn = Turn.interviewer(id, seq, plan, words.text(), now, words.source(), words.inputTokens(),
                words.outputTokens());
        turn.persist();
        if (plan.changesStage()) {
            interview.stage = plan.stage();
            interview.stageStartedAt = now;
        }
        if (plan.endsInterview()) {
            interview.status = InterviewStatus.ENDED;
            interview.endedAt = now;
        }
        return Optional.of(new Spoken(turn.view(), plan.changesStage(), interviews.stageFrame(interview),
                plan.endsInterview(), words.notice()));
    }

    Rubric rubricOf(String problemId) {
        return rubrics.find(problemId).orElseThrow(() -> new IllegalStateException(
                "The rubric of problem '" + problemId + "' is no longer loaded; restore rubrics/" + problemId + ".yaml"));
    }

    public record Snapshot(StageFrame stage, List<TurnView> turns, boolean ended) {
    }

    /** A stored candidate turn; {@code duplicate} when it had been stored before under the same client id. */
    public record Acknowledged(TurnView turn, boolean duplicate, Analysis analysis, Stored stored) {
    }

    /** The interview as it was when an answer was stored (null for a duplicate). */
    public record Stored(String problemId, InterviewState state) {
    }

    /**
     * A stored interviewer turn and what it changed.
     *
     * @param notice what the client must be told first (the model failed and the offline interviewer spoke), or null
     */
    public record Spoken(TurnView turn, boolean stageChanged, StageFrame stage, boolean ended, Words.Notice notice) {
    }

    /** What the interviewer's next turn does, given the interview's rubric and state; empty for "nothing to say". */
    @FunctionalInterface
    private interface Decision {
        Optional<TurnPlan> plan(Rubric rubric, InterviewState state);
    }

    /** A turn planned from {@code state}, whose last turn has seq {@code lastSeq}. */
    record Prepared(Rubric rubric, InterviewState state, TurnPlan plan, int lastSeq) {
    }
}
