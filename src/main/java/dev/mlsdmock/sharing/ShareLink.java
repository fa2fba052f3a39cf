package dev.mlsdmock.sharing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A live share link of one interview: only the hash of its token is stored. Revoking deletes the row. */
@Entity
@Table(name = "share_link")
public class ShareLink extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "interview_id", nullable = false)
    public UUID interviewId;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /** The token's last characters, so the owner can tell links apart. */
    @Column(nullable = false)
    public String hint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Optional<ShareLink> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** The link, locked until the transaction ends, so a revocation waits for (or wins over) a write through it. */
    static Optional<ShareLink> lockByTokenHash(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    static List<ShareLink> ofInterview(UUID interviewId) {
        return list("interviewId = ?1 order by createdAt, id", interviewId);
    }
}
