package dev.mlsdmock.interview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One mock interview of one account on one problem. The stage and its start time are the stage machine's state. */
@Entity
@Table(name = "interview")
public class Interview extends PanacheEntityBase {

    /** The interviewer recorded on an imported transcript. */
    public static final String IMPORTED = "import";
    public static final String INTERVIEW = "interview";
    public static final String COACH = "coach";

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(name = "problem_id", nullable = false)
    public String problemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterviewStatus status;

    @Column(nullable = false)
    public Stage stage;

    @Column(name = "stage_started_at", nullable = false)
    public Instant stageStartedAt;

    /** Which interviewer ran it: {@code offline} or {@code llm}. */
    @Column(nullable = false)
    public String interviewer;

    /** For an LLM interview: the model it was created for, e.g. {@code openai/gpt-4o-mini}. */
    @Column(name = "model")
    public String model;

    /** For an LLM interview: the most tokens its model calls may use; null for no limit. */
    @Column(name = "token_budget")
    public Integer tokenBudget;

    /** The target seniority, e.g. {@code senior}: grading recommends against that level's expectations. */
    @Column(nullable = false)
    public String level = "senior";

    /** {@value #INTERVIEW} (no help, as in a real loop) or {@value #COACH} (hints on request). */
    @Column(nullable = false)
    public String mode = INTERVIEW;

    /** For a stage drill: the one stage it practises, where it opens and ends; null for a full interview. */
    @Column(name = "drill")
    public Stage drill;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** A new interview, in its first stage from {@code now}. */
    public static Interview start(long accountId, String problemId, String level, String interviewer, String model,
                                  Integer tokenBudget, Instant now) {
        Interview interview = new Interview();
        interview.id = UUID.randomUUID();
        interview.accountId = accountId;
        interview.problemId = problemId;
        interview.status = InterviewStatus.ACTIVE;
        interview.stage = Stage.CLARIFY;
        interview.stageStartedAt = now;
        interview.interviewer = interviewer;
        interview.model = model;
        interview.tokenBudget = tokenBudget;
        interview.level = level;
        interview.createdAt = now;
        return interview;
    }

    /** An interview that happened elsewhere and arrives as a finished transcript ({@value #IMPORTED}). */
    public static Interview imported(long accountId, String problemId, String level, Stage lastStage, Instant startedAt,
                                     Instant endedAt) {
        Interview interview = start(accountId, problemId, level, IMPORTED, null, null, startedAt);
        interview.status = InterviewStatus.ENDED;
        interview.stage = lastStage;
        interview.stageStartedAt = endedAt;
        interview.endedAt = endedAt;
        return interview;
    }

    /** Makes this new interview a drill of one stage: it starts, and stays, in that stage. */
    public Interview drilling(Stage drilled) {
        this.drill = drilled;
        this.stage = drilled;
        return this;
    }

    public boolean coaching() {
        return COACH.equals(mode);
    }

    public boolean isActive() {
        return status == InterviewStatus.ACTIVE;
    }

    /** Where the interview stands, with its transcript, for the stage policy and the interviewer. */
    public InterviewState state(List<TurnView> turns) {
        return new InterviewState(interviewer, tokenBudget, stage, stageStartedAt, turns, accountId, drill);
    }

    public static Optional<Interview> findOwned(UUID id, long accountId) {
        return find("id = ?1 and accountId = ?2", id, accountId).firstResultOptional();
    }

    /** The interview row locked for update: one writer per interview, across threads and app instances. */
    public static Interview lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of the account's interviews, newest first. */
    public static List<Interview> listOwned(long accountId, int offset, int limit) {
        return find("accountId = ?1 order by createdAt desc, id", accountId).range(offset, offset + limit - 1).list();
    }
}
