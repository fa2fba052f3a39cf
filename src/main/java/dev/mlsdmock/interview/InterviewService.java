package dev.mlsdmock.interview;

import dev.mlsdmock.coverage.Analysis;
import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.interview.Frames.StageFrame;
import dev.mlsdmock.interview.StagePolicy.InterviewState;
import dev.mlsdmock.interviewer.Interviewer;
import dev.mlsdmock.interviewer.OfflineInterviewer;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import dev.mlsdmock.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs interviews and keeps their transcripts. Each step commits before anything is sent to the client: a
 * candidate turn before its echo, an interviewer turn before its frame. Every write locks the interview row, so
 * two connections or two app instances never interleave turns; the interviewer's words are produced outside
 * the lock and stored only if nobody else has written in the meantime.
 */
@ApplicationScoped
public class InterviewService {

    private static final int MAX_CLIENT_ID = 64;

    private final RubricRegistry rubrics;
    private final StagePolicy policy;
    private final CoverageDetector coverage;
    private final OfflineInterviewer offline;
    private final InterviewConfig config;
    private final Clock clock;
    private final Event<InterviewEnded> ended;

    public InterviewService(RubricRegistry rubrics, StagePolicy policy, CoverageDetector coverage,
                            OfflineInterviewer offline, InterviewConfig config, Clock clock, Event<InterviewEnded> ended) {
        this.rubrics = rubrics;
        this.policy = policy;
        this.coverage = coverage;
        this.offline = offline;
        this.config = config;
        this.clock = clock;
        this.ended = ended;
    }

    @Transactional
    public Interview create(long accountId, String problemId) {
        return create(accountId, problemId, null);
    }

    /** @param level the target seniority (mid, senior, staff); null means senior */
    @Transactional
    public Interview create(long accountId, String problemId, String level) {
        Level target = level == null ? Level.DEFAULT : Level.fromId(level).orElseThrow(() -> ApiException.badRequest(
                "unknown_level", "There is no level '" + level + "'. The levels are " + Level.ids() + "."));
        if (problemId == null || rubrics.find(problemId).isEmpty()) {
            throw ApiException.badRequest("unknown_problem", "There is no problem '" + problemId
                    + "'. GET /api/problems lists the problem ids.");
        }
        Instant now = Instant.now(clock);
        Interview interview = new Interview();
        interview.id = UUID.randomUUID();
        interview.accountId = accountId;
        interview.problemId = problemId;
        interview.status = InterviewStatus.ACTIVE;
        interview.stage = Stage.CLARIFY;
        interview.stageStartedAt = now;
        interview.interviewer = offline.name();
        interview.level = target.id();
        interview.createdAt = now;
        interview.persist();
        return interview;
    }

    @Transactional
    public List<Interview> list(long accountId) {
        return Interview.listOwned(accountId);
    }

    @Transactional
    public Optional<Details> details(long accountId, UUID id) {
        return Interview.findOwned(id, accountId)
                .map(i -> new Details(i, Turn.transcript(id).stream().map(TurnView::of).toList()));
    }

    @Transactional
    public boolean isOwnedBy(UUID id, long accountId) {
        return Interview.findOwned(id, accountId).isPresent();
    }

    /** The state a (re)connecting client needs: the stage, every stored turn, and whether the interview ended. */
    @Transactional
    public Snapshot snapshot(UUID id) {
        Interview interview = require(id);
        return new Snapshot(stageFrame(interview), Turn.transcript(id).stream().map(TurnView::of).toList(),
                !interview.isActive());
    }

    /** The interviewer's opening, if the interview has no turn yet. */
    public Optional<Spoken> openIfNew(UUID id, BiConsumer<Integer, String> deltas) {
        return speak(id, ctx -> ctx.turns().isEmpty() ? Optional.of(policy.opening(ctx.state())) : Optional.empty(), deltas);
    }

    /**
     * Stores a candidate answer, or finds the one already stored under the same client id (a re-send after a
     * dropped connection), so an answer is never stored twice.
     */
    public Acknowledged answer(UUID id, String clientId, String text) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID) {
            throw ApiException.badRequest("invalid_client_id", "Each answer needs a clientId (1 to " + MAX_CLIENT_ID
                    + " characters, e.g. a UUID) so a re-sent answer is recognised.");
        }
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("empty_answer", "The answer is empty; type something before sending.");
        }
        if (text.length() > config.maxAnswerChars()) {
            throw ApiException.badRequest("answer_too_long", "The answer has " + text.length() + " characters; at most "
                    + config.maxAnswerChars() + " fit in one turn. Split it into several answers.");
        }
        Optional<TurnView> existing = QuarkusTransaction.requiringNew().call(() -> Turn.byClientId(id, clientId).map(TurnView::of));
        if (existing.isPresent()) {
            return new Acknowledged(existing.get(), true, null);
        }
        Rubric rubric = rubricOf(QuarkusTransaction.requiringNew().call(() -> require(id)).problemId);
        // Embedding work happens before the row lock is taken.
        Analysis analysis = coverage.analyze(rubric, text);
        return QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = lockOrFail(id);
            Optional<Turn> raced = Turn.byClientId(id, clientId);
            if (raced.isPresent()) {
                return new Acknowledged(TurnView.of(raced.get()), true, null);
            }
            if (!interview.isActive()) {
                throw ApiException.conflict("interview_ended", "This interview has ended; answers are no longer taken. "
                        + "Start a new interview to practise again.");
            }
            Turn turn = new Turn();
            turn.interviewId = id;
            turn.seq = lastSeq(id) + 1;
            turn.role = Role.CANDIDATE;
            turn.stage = interview.stage;
            turn.text = text;
            turn.at = Instant.now(clock);
            turn.clientId = clientId;
            turn.signals = analysis.signalIds().isEmpty() ? null : String.join(",", analysis.signalIds());
            turn.persist();
            return new Acknowledged(TurnView.of(turn), false, analysis);
        });
    }

    /**
     * The interviewer's reply when the last turn is the candidate's: right after an answer, or on reconnect when
     * the server stopped between storing an answer and replying to it.
     *
     * @param analysis what the answer contained, when the caller has it; recomputed from the stored turn otherwise
     */
    public Optional<Spoken> reply(UUID id, Analysis analysis, BiConsumer<Integer, String> deltas) {
        return speak(id, ctx -> {
            if (ctx.turns().isEmpty() || ctx.turns().get(ctx.turns().size() - 1).role() != Role.CANDIDATE) {
                return Optional.empty();
            }
            TurnView last = ctx.turns().get(ctx.turns().size() - 1);
            Analysis a = analysis != null ? analysis : coverage.analyze(ctx.rubric(), last.text());
            return Optional.of(policy.reply(ctx.state(), a, Instant.now(clock)));
        }, deltas);
    }

    /** The candidate asked for the next stage. */
    public Optional<Spoken> advance(UUID id, BiConsumer<Integer, String> deltas) {
        return speak(id, ctx -> Optional.of(policy.advanceRequested(ctx.state())), deltas);
    }

    /** The candidate ended the interview: a closing turn, then the interview is ended. */
    public Optional<Spoken> end(UUID id, BiConsumer<Integer, String> deltas) {
        return speak(id, ctx -> Optional.of(policy.end(ctx.state())), deltas);
    }

    @Transactional
    public StageFrame stageFrame(UUID id) {
        return stageFrame(require(id));
    }

    private Optional<Spoken> speak(UUID id, Function<Context, Optional<TurnPlan>> decide, BiConsumer<Integer, String> deltas) {
        Optional<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = require(id);
            if (!interview.isActive()) {
                return Optional.empty();
            }
            List<TurnView> turns = Turn.transcript(id).stream().map(TurnView::of).toList();
            Rubric rubric = rubricOf(interview.problemId);
            InterviewState state = new InterviewState(rubric, interview.stage, interview.stageStartedAt, turns);
            int lastSeq = turns.isEmpty() ? 0 : turns.get(turns.size() - 1).seq();
            return decide.apply(new Context(rubric, state, turns)).map(plan -> new Prepared(rubric, state, plan, lastSeq));
        });
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        Prepared p = prepared.get();
        int seq = p.lastSeq() + 1;
        Interviewer interviewer = offline;
        String text = interviewer.speak(p.rubric(), p.state(), p.plan(), piece -> deltas.accept(seq, piece));
        Optional<Spoken> spoken = QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = lockOrFail(id);
            if (!interview.isActive() || lastSeq(id) != p.lastSeq()) {
                return Optional.empty(); // someone else spoke first; their turn stands
            }
            Instant now = Instant.now(clock);
            TurnPlan plan = p.plan();
            Turn turn = new Turn();
            turn.interviewId = id;
            turn.seq = seq;
            turn.role = Role.INTERVIEWER;
            turn.stage = plan.stage();
            turn.text = text;
            turn.at = now;
            turn.kind = plan.kind();
            turn.probe = plan.probe() == null ? null : plan.probe().id();
            turn.persist();
            if (plan.changesStage()) {
                interview.stage = plan.stage();
                interview.stageStartedAt = now;
            }
            if (plan.endsInterview()) {
                interview.status = InterviewStatus.ENDED;
                interview.endedAt = now;
            }
            return Optional.of(new Spoken(TurnView.of(turn), plan.changesStage(), stageFrame(interview), plan.endsInterview()));
        });
        if (spoken.isPresent() && spoken.get().ended()) {
            ended.fire(new InterviewEnded(id));
        }
        return spoken;
    }

    private StageFrame stageFrame(Interview interview) {
        Stage stage = interview.stage;
        long remaining = policy.budgets().remainingSeconds(stage, interview.stageStartedAt,
                interview.isActive() ? Instant.now(clock) : interview.endedAt);
        return new StageFrame(stage.id(), stage.number(), remaining, policy.budgets().of(stage).toSeconds());
    }

    private Rubric rubricOf(String problemId) {
        return rubrics.find(problemId).orElseThrow(() -> new IllegalStateException(
                "The rubric of problem '" + problemId + "' is no longer loaded; restore rubrics/" + problemId + ".yaml"));
    }

    private static Interview require(UUID id) {
        Interview interview = Interview.findById(id);
        if (interview == null) {
            throw ApiException.notFound("interview_not_found", "There is no interview " + id + ".");
        }
        return interview;
    }

    private static Interview lockOrFail(UUID id) {
        Interview interview = Interview.lock(id);
        if (interview == null) {
            throw ApiException.notFound("interview_not_found", "There is no interview " + id + ".");
        }
        return interview;
    }

    private static int lastSeq(UUID id) {
        Integer max = Turn.getEntityManager()
                .createQuery("select max(t.seq) from Turn t where t.interviewId = :id", Integer.class)
                .setParameter("id", id).getSingleResult();
        return max == null ? 0 : max;
    }

    public record Details(Interview interview, List<TurnView> turns) {
    }

    public record Snapshot(StageFrame stage, List<TurnView> turns, boolean ended) {
    }

    /** A stored candidate turn; {@code duplicate} when it had been stored before under the same client id. */
    public record Acknowledged(TurnView turn, boolean duplicate, Analysis analysis) {
    }

    /** A stored interviewer turn and what it changed. */
    public record Spoken(TurnView turn, boolean stageChanged, StageFrame stage, boolean ended) {
    }

    private record Context(Rubric rubric, InterviewState state, List<TurnView> turns) {
    }

    private record Prepared(Rubric rubric, InterviewState state, TurnPlan plan, int lastSeq) {
    }
}
