package dev.mlsdmock.limits;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A keyed token bucket kept in the database ({@code rate_limit_bucket}), so every instance spends from the same
 * bucket. Every change is one conditional {@code update} (a row lock on PostgreSQL and H2, so concurrent requests
 * on any instance cannot both take the last token); a key without a row has a full bucket and gets one with an
 * {@code insert}, retried as an update when another request inserted it first. Plain JDBC in auto-commit, so a
 * limit never waits for someone else's transaction. Refill uses the instance's clock in milliseconds: instances
 * are expected to agree on the time to a second or so (NTP); a clock behind the stored one just refills nothing.
 */
public final class SharedRateLimiter implements Limiter {

    /**
     * The refilled token count at {@code ?now}, as SQL: parameters (capacity, now, rate per ms). The casts matter:
     * H2 would otherwise type a parameter after the other operand and truncate the rate to 0.
     */
    private static final String REFILLED = "least(cast(? as double precision), tokens + greatest(0, cast(? as bigint) "
            + "- updated_ms) * cast(? as double precision))";
    private static final int CLEAN_EVERY = 1000;

    private final String name;
    private final int capacity;
    private final double tokensPerMilli;
    private final DataSource db;
    private final Clock clock;
    private final AtomicLong writes = new AtomicLong();

    public SharedRateLimiter(String name, int capacity, double refillPerMinute, DataSource db, Clock clock) {
        if (capacity < 1 || refillPerMinute <= 0) {
            throw new IllegalArgumentException("Limit '" + name + "' needs capacity >= 1 and refill > 0");
        }
        this.name = name;
        this.capacity = capacity;
        this.tokensPerMilli = refillPerMinute / Duration.ofMinutes(1).toMillis();
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RateLimiter.Decision tryAcquire(String key) {
        long now = clock.millis();
        try (Connection c = db.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (update(c, "tokens = " + REFILLED + " - 1", " and " + REFILLED + " >= 1", key, now, true) == 1
                        || insert(c, key, capacity - 1, now)) {
                    cleanNowAndThen(c, now);
                    return RateLimiter.Decision.ALLOWED;
                }
                RateLimiter.Decision d = read(c, key, now);
                if (!d.allowed()) {
                    return d;
                }
                // A token came back between the update and the read: try again.
            }
            return read(c, key, now);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public RateLimiter.Decision check(String key) {
        try (Connection c = db.getConnection()) {
            return read(c, key, clock.millis());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void consume(String key) {
        long now = clock.millis();
        try (Connection c = db.getConnection()) {
            String set = "tokens = greatest(" + (-capacity) + ", " + REFILLED + " - 1)";
            if (update(c, set, "", key, now, false) == 0 && !insert(c, key, capacity - 1, now)) {
                update(c, set, "", key, now, false);
            }
            cleanNowAndThen(c, now);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void refund(String key) {
        long now = clock.millis();
        try (Connection c = db.getConnection()) {
            update(c, "tokens = least(" + capacity + ", " + REFILLED + " + 1)", "", key, now, false);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void reset(String key) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("delete from rate_limit_bucket where limit_name = ? and bucket_key = ?")) {
            s.setString(1, name);
            s.setString(2, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** {@code update ... set <set>, updated_ms = now where <key> <condition>}; REFILLED's parameters are bound each time. */
    private int update(Connection c, String set, String condition, String key, long now, boolean conditionRefills)
            throws SQLException {
        String sql = "update rate_limit_bucket set " + set + ", updated_ms = greatest(updated_ms, cast(? as bigint)) "
                + "where limit_name = ? and bucket_key = ?" + condition;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            i = bindRefilled(s, i, now);
            s.setLong(i++, now);
            s.setString(i++, name);
            s.setString(i++, key);
            if (conditionRefills) {
                bindRefilled(s, i, now);
            }
            return s.executeUpdate();
        }
    }

    private int bindRefilled(PreparedStatement s, int i, long now) throws SQLException {
        s.setDouble(i, capacity);
        s.setLong(i + 1, now);
        s.setDouble(i + 2, tokensPerMilli);
        return i + 3;
    }

    /** Inserts a bucket; false when another request inserted it first. */
    private boolean insert(Connection c, String key, double tokens, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into rate_limit_bucket (limit_name, bucket_key, tokens, updated_ms) values (?, ?, ?, ?)")) {
            s.setString(1, name);
            s.setString(2, key);
            s.setDouble(3, tokens);
            s.setLong(4, now);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) { // integrity constraint: the row exists
                return false;
            }
            throw e;
        }
    }

    private RateLimiter.Decision read(Connection c, String key, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + REFILLED
                + " from rate_limit_bucket where limit_name = ? and bucket_key = ?")) {
            int i = bindRefilled(s, 1, now);
            s.setString(i++, name);
            s.setString(i, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getDouble(1) >= 1) {
                    return RateLimiter.Decision.ALLOWED;
                }
                long waitMillis = (long) Math.ceil((1 - r.getDouble(1)) / tokensPerMilli);
                return new RateLimiter.Decision(false, Duration.ofMillis(waitMillis));
            }
        }
    }

    /** Deletes this limit's full buckets (they carry no information) every {@value #CLEAN_EVERY} writes. */
    private void cleanNowAndThen(Connection c, long now) throws SQLException {
        if (writes.incrementAndGet() % CLEAN_EVERY != 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "delete from rate_limit_bucket where limit_name = ? and " + REFILLED + " >= cast(? as double precision)")) {
            s.setString(1, name);
            bindRefilled(s, 2, now);
            s.setDouble(5, capacity);
            s.executeUpdate();
        }
    }

    private RuntimeException failure(SQLException e) {
        // An exhausted pool surfaces as a 503 with Retry-After (error.Overloaded looks for it in the cause chain).
        return new IllegalStateException("Limit '" + name + "' could not read or write its bucket", e);
    }
}
