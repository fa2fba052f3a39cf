package dev.mlsdmock.limits;

/**
 * A keyed token bucket: each key may spend {@code capacity} tokens at once and earns them back at a steady rate.
 * {@link RateLimiter} keeps the buckets in this instance's memory (cheap, per instance); {@link SharedRateLimiter}
 * keeps them in the database, so every instance spends from the same bucket.
 */
public interface Limiter {

    String name();

    /** Takes one token for the key if there is one, atomically. */
    RateLimiter.Decision tryAcquire(String key);

    /** Whether the key has a token now, without taking it (e.g. refuse a login before checking it). */
    RateLimiter.Decision check(String key);

    /** Takes a token whether or not there is one (a failed login counts even when it raced past the check). */
    void consume(String key);

    /** Gives back a token taken by {@link #tryAcquire} for a request that turned out not to count (a rejected body). */
    void refund(String key);

    /** Forgets a key. */
    void reset(String key);
}
