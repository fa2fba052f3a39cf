package dev.mlsdmock.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Rate limits on costly or guessable actions (docs/security.md says what each protects; every key is in the README's
 * configuration table). A limit is a token bucket: {@code capacity} actions at once, earned back at
 * {@code refill-per-minute}.
 */
@ConfigMapping(prefix = "limits")
public interface LimitsConfig {

    /** Failed logins (form and HTTP Basic) per client address: 20 at once, then 10 a minute. */
    @WithDefault("20")
    int loginPerAddressCapacity();

    /** How fast an address earns failed-login attempts back, per minute. */
    @WithDefault("10")
    double loginPerAddressRefillPerMinute();

    /**
     * Failed logins per username, from any address: 5 at once, then one a minute. Past that, that username's logins
     * (right or wrong) answer 429 until a token is back, so guessing one password is slow however many addresses try.
     */
    @WithDefault("5")
    int loginPerUsernameCapacity();

    /** How fast a username earns failed-login attempts back, per minute. */
    @WithDefault("1")
    double loginPerUsernameRefillPerMinute();

    /** Sign-ups per client address: 5 at once, then one every ten minutes. */
    @WithDefault("5")
    int signUpPerAddressCapacity();

    /** How fast an address earns sign-ups back, per minute. */
    @WithDefault("0.1")
    double signUpPerAddressRefillPerMinute();

    /** Answers per account on interview WebSockets: 30 at once, then 10 a minute. */
    @WithDefault("30")
    int answersPerAccountCapacity();

    /** How fast an account earns answers back, per minute. */
    @WithDefault("10")
    double answersPerAccountRefillPerMinute();

    /** Diagram versions saved per account on interview WebSockets: 20 at once, then 6 a minute. */
    @WithDefault("20")
    int diagramsPerAccountCapacity();

    /** How fast an account earns diagram saves back, per minute. */
    @WithDefault("6")
    double diagramsPerAccountRefillPerMinute();

    /**
     * Grading requests per account (transcript imports and re-grades together): 10 at once, then 2 a minute, so one
     * account cannot fill the grading queue or hold the embedding model with imports.
     */
    @WithDefault("10")
    int gradingPerAccountCapacity();

    /** How fast an account earns grading requests back, per minute. */
    @WithDefault("2")
    double gradingPerAccountRefillPerMinute();

    /** Comments on shared replays per account (reviewers and candidates alike): 20 at once, then 5 a minute. */
    @WithDefault("20")
    int commentsPerAccountCapacity();

    /** How fast an account earns comments back, per minute. */
    @WithDefault("5")
    double commentsPerAccountRefillPerMinute();

    /** Interview WebSockets one account may have open on one instance; another upgrade is refused with 429. */
    /**
     * Interview WebSockets one account may have open, on all instances together (counted in the database); another
     * upgrade is refused with 429.
     */
    @WithDefault("10")
    int socketsPerAccount();

    /**
     * How long a counted socket stays counted without its instance's heartbeat (renewed every third of this): the
     * sockets of an instance that died stop counting after this.
     */
    @WithDefault("60s")
    java.time.Duration socketLease();

    /** Most keys (addresses, usernames, accounts) one limit tracks; bounds the memory of every limit. */
    @WithDefault("100000")
    int maxKeys();
}
