package dev.mlsdmock.sharing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A comment on one turn of an interview. It outlives the link it came through. */
@Entity
@Table(name = "turn_comment")
public class Comment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "interview_id", nullable = false)
    public UUID interviewId;

    @Column(nullable = false)
    public int seq;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    /** The commenter's username when the comment was written. */
    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static List<Comment> ofInterview(UUID interviewId) {
        return list("interviewId = ?1 order by seq, createdAt, id", interviewId);
    }
}
