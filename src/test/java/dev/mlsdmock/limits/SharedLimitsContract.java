package dev.mlsdmock.limits;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shared limits promise, on whichever database they run: two limiter objects (as on two instances) over
 * one database spend from the same bucket, a burst of concurrent requests gets exactly the capacity and no more,
 * and socket slots of an instance that stopped renewing them expire. Run on H2 ({@link SharedLimitsH2Test}) and on
 * PostgreSQL ({@link SharedLimitsPostgresTest}).
 */
final class SharedLimitsContract {

    private SharedLimitsContract() {
    }

    static void twoInstancesSpendFromOneBucket(DataSource db) {
        MutableClock clock = new MutableClock();
        String key = "user-" + UUID.randomUUID();
        SharedRateLimiter a = new SharedRateLimiter("login-per-username", 3, 1, db, clock);
        SharedRateLimiter b = new SharedRateLimiter("login-per-username", 3, 1, db, clock);
        assertThat(a.check(key).allowed()).isTrue();
        a.consume(key);
        b.consume(key);
        a.consume(key);
        RateLimiter.Decision refused = b.check(key);
        assertThat(refused.allowed()).as("the other instance sees the three failures").isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
        clock.advance(Duration.ofSeconds(61));
        assertThat(a.tryAcquire(key).allowed()).isTrue();
        assertThat(b.tryAcquire(key).allowed()).isFalse();
        b.refund(key);
        assertThat(a.tryAcquire(key).allowed()).as("a refunded token is there for either instance").isTrue();
        a.reset(key);
        assertThat(b.check(key).allowed()).isTrue();
        assertThat(new SharedRateLimiter("grading-per-account", 3, 1, db, clock).check(key).allowed())
                .as("limits are separate").isTrue();
    }

    static void aConcurrentBurstGetsExactlyTheCapacity(DataSource db) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
        String key = "account-" + UUID.randomUUID();
        List<SharedRateLimiter> instances = List.of(new SharedRateLimiter("grading-per-account", 10, 1, db, clock),
                new SharedRateLimiter("grading-per-account", 10, 1, db, clock));
        long allowed = burst(40, i -> instances.get(i % 2).tryAcquire(key).allowed());
        assertThat(allowed).isEqualTo(10);
    }

    static void socketSlotsAreCountedAcrossInstancesAtomically(DataSource db) throws Exception {
        MutableClock clock = new MutableClock();
        SharedSlots one = new SharedSlots(db, clock, Duration.ofSeconds(60));
        SharedSlots two = new SharedSlots(db, clock, Duration.ofSeconds(60));
        long account = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        AtomicLong takenByTwo = new AtomicLong();
        long taken = burst(30, i -> {
            boolean ok = (i % 2 == 0 ? one : two).tryAcquire(account, UUID.randomUUID().toString(), 4);
            if (ok && i % 2 == 1) {
                takenByTwo.incrementAndGet();
            }
            return ok;
        });
        assertThat(taken).isEqualTo(4);
        assertThat(one.live(account)).isEqualTo(4);

        // Instance one dies (no more heartbeats); instance two keeps renewing: one's slots expire, two's stay.
        clock.advance(Duration.ofSeconds(40));
        two.renew();
        clock.advance(Duration.ofSeconds(30));
        long left = two.live(account);
        // However the burst split the slots, exactly two's are left, and a new one fits when one of one's was freed.
        assertThat(left).isEqualTo(takenByTwo.get());
        assertThat(two.tryAcquire(account, "after-" + UUID.randomUUID(), 4)).isEqualTo(left < 4);
        two.releaseAll();
        assertThat(one.live(account)).isZero();
        String slot = UUID.randomUUID().toString();
        assertThat(one.tryAcquire(account, slot, 1)).isTrue();
        assertThat(two.tryAcquire(account, UUID.randomUUID().toString(), 1)).isFalse();
        one.release(slot);
        assertThat(two.tryAcquire(account, UUID.randomUUID().toString(), 1)).isTrue();
    }

    interface Attempt {
        boolean run(int i) throws Exception;
    }

    /** Runs the attempts at once from many threads; how many succeeded. */
    private static long burst(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Boolean> call = () -> {
                    start.await();
                    return attempt.run(index);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            long ok = 0;
            for (Future<Boolean> f : results) {
                ok += f.get() ? 1 : 0;
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
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
