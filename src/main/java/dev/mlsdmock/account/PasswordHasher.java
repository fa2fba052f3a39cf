package dev.mlsdmock.account;

import dev.mlsdmock.error.ApiException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * bcrypt with bounded concurrency: at most {@code auth.hash-concurrency} hashes run at once, and a caller waits at
 * most {@code auth.hash-queue-wait} for a slot before getting a 503 with {@code Retry-After}, so a burst of logins
 * queues briefly instead of starving every other request of CPU. Never called inside a database transaction.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Semaphore slots;
    private final Duration queueWait;
    /** A hash of nothing, with the same cost as real ones: unknown usernames are checked against it. */
    private final String dummyHash;

    @Inject
    public PasswordHasher(AuthConfig config) {
        this(config.hashConcurrency() > 0 ? config.hashConcurrency() : Runtime.getRuntime().availableProcessors(),
                config.hashQueueWait());
    }

    PasswordHasher(int concurrency, Duration queueWait) {
        this.slots = new Semaphore(concurrency, true);
        this.queueWait = queueWait;
        this.dummyHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return withSlot(() -> BcryptUtil.bcryptHash(password));
    }

    public boolean matches(String password, String hash) {
        return withSlot(() -> BcryptUtil.matches(password, hash));
    }

    /** The same work as {@link #matches} for a username that does not exist, so its answer takes as long. Always false. */
    public boolean matchesNothing(String password) {
        matches(password, dummyHash);
        return false;
    }

    /** Runs work in a hashing slot; tests use it to hold a slot. */
    <T> T withSlotForTest(java.util.function.Supplier<T> work) {
        return withSlot(work);
    }

    private <T> T withSlot(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiException.unavailable("busy", "The server is checking many passwords right now; try again in a "
                    + "moment.", Math.max(1, queueWait.toSeconds()));
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
