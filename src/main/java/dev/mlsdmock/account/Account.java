package dev.mlsdmock.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A candidate's account. The password is stored only as a bcrypt hash. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Bumped to end every browser session of the account (logout, password change, "end all my sessions"). */
    @Column(name = "session_version", nullable = false)
    public int sessionVersion;

    /** The detached facts a login needs, so no entity (and no transaction) outlives the lookup. */
    AccountRecord record() {
        return new AccountRecord(id, username, passwordHash, sessionVersion);
    }

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
