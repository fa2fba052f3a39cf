package dev.mlsdmock.interview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One mock interview of one account on one problem. The stage and its start time are the stage machine's state. */
@Entity
@Table(name = "interview")
public class Interview extends PanacheEntityBase {

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

    /** Which interviewer ran it, e.g. {@code offline}. */
    @Column(nullable = false)
    public String interviewer;

    /** The target seniority, e.g. {@code senior}: grading recommends against that level's expectations. */
    @Column(nullable = false)
    public String level = "senior";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean isActive() {
        return status == InterviewStatus.ACTIVE;
    }

    public static Optional<Interview> findOwned(UUID id, long accountId) {
        return find("id = ?1 and accountId = ?2", id, accountId).firstResultOptional();
    }

    /** The interview row locked for update: one writer per interview, across threads and app instances. */
    public static Interview lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<Interview> listOwned(long accountId) {
        return list("accountId = ?1 order by createdAt desc, id", accountId);
    }
}
