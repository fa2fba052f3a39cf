package dev.mlsdmock.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A keyed token bucket in this instance's memory: each key (an account, an address, a username) may spend {@code capacity} tokens at once and
 * earns them back at {@code refillPerMinute}. Plain Java with an injected clock, so tests move time instead of
 * sleeping. Memory is bounded: past {@code maxKeys} buckets, full ones (which carry no information) are dropped, and
 * if that is not enough the map is cleared, which errs on the side of letting requests through.
 */
public final class RateLimiter implements Limiter {

    /** The answer to one request: allowed, or refused with the time until a token is back. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds to tell a client in {@code Retry-After}: at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    private final String name;
    private final int capacity;
    private final double tokensPerNano;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(String name, int capacity, double refillPerMinute, int maxKeys, Clock clock) {
        if (capacity < 1 || refillPerMinute <= 0 || maxKeys < 1) {
            throw new IllegalArgumentException("Limit '" + name + "' needs capacity >= 1, refill > 0 and max keys >= 1");
        }
        this.name = name;
        this.capacity = capacity;
        this.tokensPerNano = refillPerMinute / Duration.ofMinutes(1).toNanos();
        this.maxKeys = maxKeys;
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision tryAcquire(String key) {
        return take(key, true);
    }

    @Override
    public Decision check(String key) {
        return take(key, false);
    }

    @Override
    public void consume(String key) {
        long now = nanos();
        Bucket bucket = bucket(key, now);
        synchronized (bucket) {
            refill(bucket, now);
            bucket.tokens = Math.max(-capacity, bucket.tokens - 1);
        }
    }

    @Override
    public void refund(String key) {
        long now = nanos();
        Bucket bucket = bucket(key, now);
        synchronized (bucket) {
            refill(bucket, now);
            bucket.tokens = Math.min(capacity, bucket.tokens + 1);
        }
    }

    @Override
    public void reset(String key) {
        buckets.remove(key);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private Decision take(String key, boolean consume) {
        long now = nanos();
        Bucket bucket = bucket(key, now);
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                if (consume) {
                    bucket.tokens -= 1;
                }
                return Decision.ALLOWED;
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
            return new Decision(false, Duration.ofNanos(waitNanos));
        }
    }

    private Bucket bucket(String key, long now) {
        Bucket existing = buckets.get(key);
        if (existing != null) {
            return existing;
        }
        if (buckets.size() >= maxKeys) {
            evict(now);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
    }

    private void evict(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                refill(b, now);
                if (b.tokens >= capacity) {
                    it.remove();
                }
            }
        }
        if (buckets.size() >= maxKeys) {
            buckets.clear();
        }
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updatedNanos);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerNano);
        bucket.updatedNanos = now;
    }

    private long nanos() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
