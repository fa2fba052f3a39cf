package dev.mlsdmock.limits;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The application's rate limits, one {@link Limiter} per protected action, built from {@link LimitsConfig}.
 * Other features take a limiter from here (or build their own) and answer 429 with {@code Retry-After} when it
 * refuses. What must hold across instances is kept in the database ({@link SharedRateLimiter}, {@link SharedSlots}):
 * failed logins per username, imports and re-grades per account, and sockets per account. Per-address limits and
 * answers per account stay in memory (docs/security.md says why).
 */
@ApplicationScoped
public class Limits {

    private final RateLimiter loginPerAddress;
    private final Limiter loginPerUsername;
    private final RateLimiter signUpPerAddress;
    private final RateLimiter answersPerAccount;
    private final Limiter gradingPerAccount;
    private final RateLimiter commentsPerAccount;
    private final RateLimiter diagramsPerAccount;
    private final int socketsPerAccount;
    private final SharedSlots socketSlots;

    public Limits(LimitsConfig config, Clock clock, DataSource db) {
        int keys = config.maxKeys();
        loginPerAddress = new RateLimiter("login-per-address", config.loginPerAddressCapacity(),
                config.loginPerAddressRefillPerMinute(), keys, clock);
        loginPerUsername = new SharedRateLimiter("login-per-username", config.loginPerUsernameCapacity(),
                config.loginPerUsernameRefillPerMinute(), db, clock);
        signUpPerAddress = new RateLimiter("sign-up-per-address", config.signUpPerAddressCapacity(),
                config.signUpPerAddressRefillPerMinute(), keys, clock);
        answersPerAccount = new RateLimiter("answers-per-account", config.answersPerAccountCapacity(),
                config.answersPerAccountRefillPerMinute(), keys, clock);
        gradingPerAccount = new SharedRateLimiter("grading-per-account", config.gradingPerAccountCapacity(),
                config.gradingPerAccountRefillPerMinute(), db, clock);
        commentsPerAccount = new RateLimiter("comments-per-account", config.commentsPerAccountCapacity(),
                config.commentsPerAccountRefillPerMinute(), keys, clock);
        diagramsPerAccount = new RateLimiter("diagrams-per-account", config.diagramsPerAccountCapacity(),
                config.diagramsPerAccountRefillPerMinute(), keys, clock);
        socketsPerAccount = config.socketsPerAccount();
        socketSlots = new SharedSlots(db, clock, config.socketLease());
    }

    public RateLimiter loginPerAddress() {
        return loginPerAddress;
    }

    /** Shared by all instances. */
    public Limiter loginPerUsername() {
        return loginPerUsername;
    }

    public RateLimiter signUpPerAddress() {
        return signUpPerAddress;
    }

    public RateLimiter answersPerAccount() {
        return answersPerAccount;
    }

    /** Diagram versions saved on interview sockets, per account (apart from answers, so drawing never costs an answer). */
    public RateLimiter diagramsPerAccount() {
        return diagramsPerAccount;
    }

    /** Imports and re-grades of one account, counted together; shared by all instances. */
    public Limiter gradingPerAccount() {
        return gradingPerAccount;
    }

    /** Comments on turns (through a share link or by the candidate) of one account. */
    public RateLimiter commentsPerAccount() {
        return commentsPerAccount;
    }

    public int socketsPerAccount() {
        return socketsPerAccount;
    }

    /** Open interview sockets per account, on all instances. */
    public SharedSlots socketSlots() {
        return socketSlots;
    }
}
