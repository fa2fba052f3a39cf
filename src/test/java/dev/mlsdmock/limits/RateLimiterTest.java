package dev.mlsdmock.limits;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket with a clock the test moves: no sleeps. */
class RateLimiterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void allowsTheCapacityAtOnceThenRefusesWithTheTimeUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter("t", 3, 6, 100, clock); // a token every 10 s
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);

        clock.advance(Duration.ofSeconds(4));
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(6);
        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void keysAreIndependent() {
        RateLimiter limiter = new RateLimiter("t", 1, 1, 100, clock);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void checkDoesNotSpendButConsumeDoesEvenPastZero() {
        RateLimiter limiter = new RateLimiter("t", 2, 60, 100, clock); // a token a second
        assertThat(limiter.check("a").allowed()).isTrue();
        assertThat(limiter.check("a").allowed()).isTrue();
        limiter.consume("a");
        limiter.consume("a");
        limiter.consume("a");
        assertThat(limiter.check("a").allowed()).isFalse();
        assertThat(limiter.check("a").retryAfterSeconds()).isEqualTo(2);
        limiter.reset("a");
        assertThat(limiter.check("a").allowed()).isTrue();
    }

    @Test
    void neverRefillsPastTheCapacity() {
        RateLimiter limiter = new RateLimiter("t", 2, 60, 100, clock);
        clock.advance(Duration.ofHours(5));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void memoryIsBoundedByTheNumberOfKeys() {
        RateLimiter limiter = new RateLimiter("t", 1, 1, 50, clock);
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("key-" + i);
        }
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(50);
    }

    @Test
    void fullBucketsAreDroppedFirstSoActiveLimitsSurviveEviction() {
        RateLimiter limiter = new RateLimiter("t", 1, 1, 3, clock);
        limiter.tryAcquire("busy");
        limiter.check("idle-1");
        limiter.check("idle-2");
        limiter.check("new"); // the map is full: the idle (full) buckets go, the busy one stays
        assertThat(limiter.tryAcquire("busy").allowed()).isFalse();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
