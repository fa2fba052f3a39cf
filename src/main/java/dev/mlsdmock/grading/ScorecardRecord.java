package dev.mlsdmock.grading;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A stored scorecard: the JSON of {@link Scorecard} plus the columns needed to find and list it. */
@Entity
@Table(name = "scorecard")
public class ScorecardRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "interview_id", nullable = false)
    public UUID interviewId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public String grader;

    @Column(nullable = false)
    public String level;

    @Column(name = "rubric_id", nullable = false)
    public String rubricId;

    @Column(name = "rubric_version", nullable = false)
    public String rubricVersion;

    @Column(nullable = false)
    public int overall;

    @Column(nullable = false)
    public String recommendation;

    @Column(nullable = false, length = 1_000_000)
    public String body;

    public static Optional<ScorecardRecord> latest(UUID interviewId) {
        return find("interviewId = ?1 order by createdAt desc, id", interviewId).firstResultOptional();
    }

    public static List<ScorecardRecord> all(UUID interviewId) {
        return list("interviewId = ?1 order by createdAt desc, id", interviewId);
    }
}
