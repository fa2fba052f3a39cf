package dev.mlsdmock.grading.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One request to grade an interview, kept in the database so it survives a restart (see {@link GradingQueue}). */
@Entity
@Table(name = "grading_job")
public class GradingJob extends PanacheEntityBase {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "interview_id", nullable = false)
    public UUID interviewId;

    /** The interview's owner, for taking turns between accounts (null on jobs queued before V4 for deleted ones). */
    @Column(name = "account_id")
    public Long accountId;

    /** When a worker last claimed it: the round-robin order of {@link GradingQueue#claim()}. */
    @Column(name = "claimed_at")
    public Instant claimedAt;

    /**
     * The interview's id while the job is queued, null otherwise: a unique column, so the database keeps an interview
     * to one queued job however many requests arrive at once (V12).
     */
    @Column(name = "queued_for")
    public UUID queuedFor;

    /** {@code offline} or {@code llm}. */
    @Column(nullable = false)
    public String grader;

    @Column(nullable = false)
    public String level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "scorecard_id")
    public UUID scorecardId;

    @Column
    public String error;
}
