package dev.mlsdmock.interview;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interview.Frames.StageFrame;
import dev.mlsdmock.interviewer.InterviewerChoice;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.RubricRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Interviews as records: creating, listing, reading, ownership, and importing finished transcripts. The one way
 * other features (grading, export) read interviews; the conversation itself is {@link InterviewDialogue}'s.
 * Someone else's interview is always "not found", so ids cannot be probed.
 */
@ApplicationScoped
public class InterviewService {

    private final RubricRegistry rubrics;
    private final InterviewerChoice interviewers;
    private final StagePolicy policy;
    private final Clock clock;

    public InterviewService(RubricRegistry rubrics, InterviewerChoice interviewers, StagePolicy policy, Clock clock) {
        this.rubrics = rubrics;
        this.interviewers = interviewers;
        this.policy = policy;
        this.clock = clock;
    }

    /** A new interview with the server's default interviewer. */
    public Interview create(long accountId, String problemId) {
        return create(accountId, problemId, null, null, null);
    }

    /**
     * @param interviewer {@code llm}, {@code offline}, or null for the server's default
     * @param tokenBudget the most tokens the model may use in this interview, or null for the configured default
     * @param level       the target seniority (mid, senior, staff) grading compares against; null means senior
     */
    public Interview create(long accountId, String problemId, String interviewer, Integer tokenBudget, String level) {
        return create(accountId, problemId, interviewer, tokenBudget, level, null);
    }

    /** @param mode {@code interview} (the default, for null) or {@code coach} (hints on request) */
    public Interview create(long accountId, String problemId, String interviewer, Integer tokenBudget, String level,
                            String mode) {
        return create(accountId, problemId, interviewer, tokenBudget, level, mode, null);
    }

    /** @param drill the stage id of a stage drill ({@link Drills}), or null for a full interview */
    @Transactional
    public Interview create(long accountId, String problemId, String interviewer, Integer tokenBudget, String level,
                            String mode, String drill) {
        String chosenMode = mode == null ? Interview.INTERVIEW : mode;
        if (!chosenMode.equals(Interview.INTERVIEW) && !chosenMode.equals(Interview.COACH)) {
            throw ApiException.badRequest("invalid_mode", "mode is '" + mode + "'; it must be \"interview\" (the default) "
                    + "or \"coach\" (hints on request).");
        }
        Level target = Level.require(level);
        Stage drilled = Drills.parse(drill);
        rubrics.require(problemId);
        InterviewerChoice.Choice choice = interviewers.choose(interviewer, tokenBudget);
        Interview interview = Interview.start(accountId, problemId, target.id(), choice.interviewer(), choice.model(),
                choice.tokenBudget(), Instant.now(clock));
        interview.mode = chosenMode;
        if (drilled != null) {
            interview.drilling(drilled);
        }
        interview.persist();
        return interview;
    }

    /** A page of the account's interviews, newest first; one more than {@code limit} tells the caller a next exists. */
    @Transactional
    public List<Interview> list(long accountId, int offset, int limit) {
        return Interview.listOwned(accountId, offset, limit);
    }

    /** The account's interview with the id a client sent (as text), or the 404 for a malformed, missing or foreign id. */
    @Transactional
    public Details details(long accountId, String pathId) {
        UUID id = InterviewIds.parse(pathId);
        return Interview.findOwned(id, accountId)
                .map(i -> new Details(i, Turn.transcript(id).stream().map(Turn::view).toList()))
                .orElseThrow(() -> InterviewIds.notFound(pathId));
    }

    /** The id of the account's interview a client sent (as text), or the 404 for a malformed, missing or foreign id. */
    @Transactional
    public UUID owned(long accountId, String pathId) {
        UUID id = InterviewIds.parse(pathId);
        if (!isOwnedBy(id, accountId)) {
            throw InterviewIds.notFound(pathId);
        }
        return id;
    }

    @Transactional
    public boolean isOwnedBy(UUID id, long accountId) {
        return Interview.findOwned(id, accountId).isPresent();
    }

    /** An interview as grading reads it; empty when it no longer exists. */
    @Transactional
    public Optional<Record> find(UUID id) {
        Interview interview = Interview.findById(id);
        return Optional.ofNullable(interview).map(i -> Record.of(i, Turn.transcript(id).stream().map(Turn::view).toList()));
    }

    /** The account an interview belongs to; empty when it no longer exists. */
    @Transactional
    public Optional<Long> ownerOf(UUID id) {
        return Interview.<Interview>findByIdOptional(id).map(i -> i.accountId);
    }

    /**
     * Every signal the candidate showed, in order, with whether it was raised unprompted or after an interviewer
     * turn asked about it (a probe, or a hint in coach mode). Grading marks criteria shown only after a probe.
     */
    @Transactional
    public List<SignalOrigin> signalOrigins(UUID id) {
        List<TurnView> turns = Turn.transcript(id).stream().map(Turn::view).toList();
        List<SignalOrigin> origins = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (TurnView t : turns) {
            for (String signal : t.signals()) {
                if (t.role() == Role.CANDIDATE && seen.add(signal)) {
                    Integer by = t.promptedBy().get(signal);
                    String via = by == null ? SignalOrigin.UNPROMPTED : turns.stream().filter(x -> x.seq() == by)
                            .findFirst().filter(x -> x.kind() == dev.mlsdmock.flow.TurnPlan.Kind.HINT)
                            .map(x -> SignalOrigin.HINT).orElse(SignalOrigin.PROBE);
                    origins.add(new SignalOrigin(signal, t.stage(), t.seq(), via, by));
                }
            }
        }
        return origins;
    }

    /**
     * How a signal first came up.
     *
     * @param via        {@value #UNPROMPTED}, {@value #PROBE} or {@value #HINT}
     * @param promptedBy the seq of the interviewer turn that asked about it; null when unprompted
     */
    public record SignalOrigin(String signalId, Stage stage, int shownAt, String via, Integer promptedBy) {
        public static final String UNPROMPTED = "unprompted";
        public static final String PROBE = "probe";
        public static final String HINT = "hint";
    }

    /** Every ended interview (id and level), for finding the ones a crash left ungraded. */
    @Transactional
    public List<Ended> ended() {
        return Interview.getEntityManager().createQuery("select i.id, i.level from Interview i where i.status = ?1",
                        Object[].class).setParameter(1, InterviewStatus.ENDED).getResultList().stream()
                .map(row -> new Ended((UUID) row[0], (String) row[1])).toList();
    }

    /**
     * Stores a finished transcript from elsewhere as an ended interview. {@code inSameTransaction} runs with the
     * new interview's id before the commit (grading queues its job there), so either both are stored or neither.
     *
     * @param turns at least one turn; each turn's time is its own, or the previous turn's, or now for the first
     */
    @Transactional
    public Record importEnded(long accountId, String problemId, Level level, List<ImportedTurn> turns,
                              Consumer<UUID> inSameTransaction) {
        rubrics.require(problemId);
        List<Instant> at = new ArrayList<>();
        Instant previous = turns.get(0).at() == null ? Instant.now(clock) : turns.get(0).at();
        for (ImportedTurn turn : turns) {
            previous = turn.at() == null ? previous : turn.at();
            at.add(previous);
        }
        Interview interview = Interview.imported(accountId, problemId, level.id(), turns.get(turns.size() - 1).stage(),
                at.get(0), at.get(at.size() - 1));
        interview.persist();
        for (int i = 0; i < turns.size(); i++) {
            ImportedTurn t = turns.get(i);
            Turn turn = t.diagram() ? Turn.diagram(interview.id, i + 1, t.stage(), t.text(), at.get(i), null)
                    : t.role() == Role.CANDIDATE
                    ? Turn.candidate(interview.id, i + 1, t.stage(), t.text(), at.get(i), null, t.signals())
                    : Turn.importedInterviewer(interview.id, i + 1, t.stage(), t.text(), at.get(i));
            turn.persist();
        }
        inSameTransaction.accept(interview.id);
        return Record.of(interview, Turn.transcript(interview.id).stream().map(Turn::view).toList());
    }

    /** The stage a (re)connecting client is shown: its number, budget and time left. */
    StageFrame stageFrame(Interview interview) {
        Stage stage = interview.stage;
        boolean drill = interview.drill != null;
        long remaining = policy.budgets().remainingSeconds(stage, drill, interview.stageStartedAt,
                interview.isActive() ? Instant.now(clock) : interview.endedAt);
        return new StageFrame(stage.id(), stage.number(), remaining, policy.budgets().of(stage, drill).toSeconds());
    }

    public record Details(Interview interview, List<TurnView> turns) {
    }

    /**
     * An interview as other features read it: its problem, target level, status ({@code active} or {@code ended})
     * and transcript, the account it belongs to (whose daily LLM budget grading it uses) and, for a stage drill, the
     * stage it drilled (null for a full interview).
     */
    public record Record(UUID id, String problemId, String level, String status, List<TurnView> turns, long accountId,
                         Stage drill) {

        static Record of(Interview i, List<TurnView> turns) {
            return new Record(i.id, i.problemId, i.level, i.status.id(), turns, i.accountId, i.drill);
        }

        public boolean active() {
            return InterviewStatus.ACTIVE.id().equals(status);
        }
    }

    public record Ended(UUID id, String level) {
    }

    /**
     * One turn of an imported transcript, already placed in a stage.
     *
     * @param at      when it was said, or null
     * @param signals for a candidate turn, the rubric signals it shows
     * @param diagram whether it is a version of the candidate's diagram (a candidate turn of kind diagram)
     */
    public record ImportedTurn(Role role, Stage stage, String text, Instant at, Set<String> signals, boolean diagram) {
        public ImportedTurn(Role role, Stage stage, String text, Instant at, Set<String> signals) {
            this(role, stage, text, at, signals, false);
        }
    }
}
