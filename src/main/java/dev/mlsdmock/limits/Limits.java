package dev.mlsdmock.limits;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * The application's rate limits, one {@link RateLimiter} per protected action, built from {@link LimitsConfig}.
 * Other features take a limiter from here (or build their own {@link RateLimiter}) and answer 429 with
 * {@code Retry-After} when it refuses.
 */
@ApplicationScoped
public class Limits {

    private final RateLimiter loginPerAddress;
    private final RateLimiter loginPerUsername;
    private final RateLimiter signUpPerAddress;
    private final RateLimiter answersPerAccount;
    private final RateLimiter gradingPerAccount;
    private final RateLimiter commentsPerAccount;
    private final RateLimiter diagramsPerAccount;
    private final int socketsPerAccount;

    public Limits(LimitsConfig config, Clock clock) {
        int keys = config.maxKeys();
        loginPerAddress = new RateLimiter("login-per-address", config.loginPerAddressCapacity(),
                config.loginPerAddressRefillPerMinute(), keys, clock);
        loginPerUsername = new RateLimiter("login-per-username", config.loginPerUsernameCapacity(),
                config.loginPerUsernameRefillPerMinute(), keys, clock);
        signUpPerAddress = new RateLimiter("sign-up-per-address", config.signUpPerAddressCapacity(),
                config.signUpPerAddressRefillPerMinute(), keys, clock);
        answersPerAccount = new RateLimiter("answers-per-account", config.answersPerAccountCapacity(),
                config.answersPerAccountRefillPerMinute(), keys, clock);
        gradingPerAccount = new RateLimiter("grading-per-account", config.gradingPerAccountCapacity(),
                config.gradingPerAccountRefillPerMinute(), keys, clock);
        commentsPerAccount = new RateLimiter("comments-per-account", config.commentsPerAccountCapacity(),
                config.commentsPerAccountRefillPerMinute(), keys, clock);
        diagramsPerAccount = new RateLimiter("diagrams-per-account", config.diagramsPerAccountCapacity(),
                config.diagramsPerAccountRefillPerMinute(), keys, clock);
        socketsPerAccount = config.socketsPerAccount();
    }

    public RateLimiter loginPerAddress() {
        return loginPerAddress;
    }

    public RateLimiter loginPerUsername() {
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

    /** Imports and re-grades of one account, counted together. */
    public RateLimiter gradingPerAccount() {
        return gradingPerAccount;
    }

    /** Comments on turns (through a share link or by the candidate) of one account. */
    public RateLimiter commentsPerAccount() {
        return commentsPerAccount;
    }

    public int socketsPerAccount() {
        return socketsPerAccount;
    }
}
