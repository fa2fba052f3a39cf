package dev.mlsdmock.account;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.limits.RateLimiter;
import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The login check without Quarkus: a fake account table, a hasher that counts, limits on a fixed clock. */
class PasswordCheckTest {

    private static final String HASH = BcryptUtil.bcryptHash("right-password");
    private static final AccountRecord ALICE = new AccountRecord(1, "alice", HASH, 0);

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final PasswordHasher hasher = new PasswordHasher(2, Duration.ofSeconds(1)) {
        @Override
        public boolean matches(String password, String hash) {
            hashes.incrementAndGet();
            return super.matches(password, hash);
        }
    };
    private final Map<String, AccountRecord> table = Map.of("alice", ALICE);
    private final PasswordCheck check = new PasswordCheck(name -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(table.get(name));
    }, hasher, new CredentialCache(Duration.ofMinutes(1), 100, clock),
            new RateLimiter("address", 100, 1, 1000, clock), new RateLimiter("username", 3, 1, 1000, clock));

    @Test
    void anUnknownUsernameIsHashedLikeAKnownOne() {
        assertThat(check.verify("nobody", "right-password", "10.0.0.1")).isEmpty();
        assertThat(hashes).hasValue(1);
        assertThat(check.verify("alice", "wrong-password", "10.0.0.1")).isEmpty();
        assertThat(hashes).hasValue(2);
    }

    @Test
    void aVerifiedCredentialIsNotHashedAgainButStillLookedUpOnce() {
        assertThat(check.verify("alice", "right-password", "10.0.0.1")).contains(ALICE);
        assertThat(check.verify("alice", "right-password", "10.0.0.1")).contains(ALICE);
        assertThat(check.verify("alice", "right-password", "10.0.0.2")).contains(ALICE);
        assertThat(hashes).hasValue(1);
        assertThat(lookups).hasValue(3);
    }

    @Test
    void theCacheNeverAcceptsAnotherPasswordOrAChangedHash() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(1), 100, clock);
        cache.remember("alice", "right-password", ALICE);
        assertThat(cache.knows("alice", "right-password", ALICE)).isTrue();
        assertThat(cache.knows("alice", "right-passwore", ALICE)).isFalse();
        AccountRecord changed = new AccountRecord(1, "alice", BcryptUtil.bcryptHash("new-password!"), 1);
        assertThat(cache.knows("alice", "right-password", changed)).isFalse();
    }

    @Test
    void repeatedFailuresForAUsernameAreRefusedWithoutLookupOrHash() {
        for (int i = 0; i < 3; i++) {
            assertThat(check.verify("alice", "wrong-" + i, "10.0.0." + i)).isEmpty();
        }
        int hashed = hashes.get();
        int looked = lookups.get();
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> check.verify("alice", "right-password", "10.9.9.9"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
        assertThat(hashes).hasValue(hashed);
        assertThat(lookups).hasValue(looked);
    }

    @Test
    void simultaneousWrongTriesForOneUsernameHashNoMoreThanItsAllowance() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger hashing = new AtomicInteger();
        PasswordHasher slow = new PasswordHasher(20, Duration.ofSeconds(30)) {
            @Override
            public boolean matches(String password, String hash) {
                hashing.incrementAndGet();
                try {
                    release.await(); // every try that got this far is in flight at once
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
        PasswordCheck burst = new PasswordCheck(name -> Optional.ofNullable(table.get(name)), slow,
                new CredentialCache(Duration.ofMinutes(1), 100, clock),
                new RateLimiter("address", 100, 1, 1000, clock), new RateLimiter("username", 3, 1, 1000, clock));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.List<java.util.concurrent.Future<Integer>> tries = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String address = "10.1.0." + i;
            tries.add(pool.submit(() -> {
                try {
                    return burst.verify("alice", "wrong", address).isPresent() ? 200 : 401;
                } catch (ApiException e) {
                    return e.status();
                }
            }));
        }
        // Seven are refused while three hold a hash slot; then the three finish as wrong passwords.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> tries.stream().filter(java.util.concurrent.Future::isDone).count() == 7);
        release.countDown();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var t : tries) {
            statuses.add(t.get());
        }
        pool.shutdown();
        assertThat(hashing).hasValue(3);
        assertThat(statuses).filteredOn(st -> st == 429).hasSize(7);
        assertThat(statuses).filteredOn(st -> st == 401).hasSize(3);
    }

    @Test
    void aFullHashingQueueAnswers503WithRetryAfter() throws Exception {
        PasswordHasher one = new PasswordHasher(1, Duration.ofMillis(50));
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // Hold the only slot from another thread, then ask for it.
        Thread holder = new Thread(() -> {
            try {
                blockingSlot(one, inside, release);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        inside.await();
        ApiException busy = catchThrowableOfType(ApiException.class, () -> one.matches("x", HASH));
        release.countDown();
        holder.join();
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfterSeconds()).isPositive();
    }

    private static void blockingSlot(PasswordHasher hasher, java.util.concurrent.CountDownLatch inside,
                                     java.util.concurrent.CountDownLatch release) throws InterruptedException {
        hasher.withSlotForTest(() -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetime() {
        SessionToken token = SessionToken.parse("alice/4/1000").orElseThrow();
        assertThat(token).isEqualTo(new SessionToken("alice", 4, 1000));
        assertThat(token.expired(Instant.ofEpochSecond(1000 + 3600), Duration.ofHours(12))).isFalse();
        assertThat(token.expired(Instant.ofEpochSecond(1000 + 13 * 3600), Duration.ofHours(12))).isTrue();
        assertThat(SessionToken.parse("alice")).isEmpty();
        assertThat(SessionToken.parse("alice/x/1")).isEmpty();
    }
}
