package dev.mlsdmock.limits;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * At most N live slots per account across every instance (the interview socket cap), in the database: a slot is a
 * row in {@code socket_slot} owned by this instance. Taking one locks the account's {@code socket_account} row,
 * counts the live slots and inserts one in a single transaction, so two requests (on any instances) cannot both take
 * the last slot. An instance renews its rows with {@link #renew()} (a heartbeat); rows of an instance that died
 * expire after {@code lease} and stop counting.
 */
public final class SharedSlots {

    private final DataSource db;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId = UUID.randomUUID().toString();

    public SharedSlots(DataSource db, Clock clock, Duration lease) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.lease = lease;
    }

    /** Takes a slot for the account if it has fewer than {@code max} live ones; false otherwise. */
    public boolean tryAcquire(long accountId, String slotId, int max) {
        long now = clock.millis();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockAccount(c, accountId);
                execute(c, "delete from socket_slot where account_id = ? and expires_ms < ?", accountId, now);
                boolean room = live(c, accountId) < max;
                if (room) {
                    try (PreparedStatement s = c.prepareStatement("insert into socket_slot "
                            + "(slot_id, account_id, instance_id, expires_ms) values (?, ?, ?, ?)")) {
                        s.setString(1, slotId);
                        s.setLong(2, accountId);
                        s.setString(3, instanceId);
                        s.setLong(4, now + lease.toMillis());
                        s.executeUpdate();
                    }
                }
                c.commit();
                return room;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a socket slot of account " + accountId, e);
        }
    }

    public void release(String slotId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("delete from socket_slot where slot_id = ?")) {
            s.setString(1, slotId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release socket slot " + slotId, e);
        }
    }

    /** Live slots of the account on every instance. */
    public long live(long accountId) {
        try (Connection c = db.getConnection()) {
            return live(c, accountId, clock.millis());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the socket slots of account " + accountId, e);
        }
    }

    /** Extends the lease of every slot this instance holds (run every third of the lease or so). */
    public void renew() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update socket_slot set expires_ms = ? where instance_id = ?")) {
            s.setLong(1, clock.millis() + lease.toMillis());
            s.setString(2, instanceId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not renew this instance's socket slots", e);
        }
    }

    /** Releases every slot of this instance (at shutdown: its sockets close with it). */
    public void releaseAll() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("delete from socket_slot where instance_id = ?")) {
            s.setString(1, instanceId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release this instance's socket slots", e);
        }
    }

    public Duration lease() {
        return lease;
    }

    private long live(Connection c, long accountId) throws SQLException {
        return live(c, accountId, Long.MIN_VALUE);
    }

    private static long live(Connection c, long accountId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from socket_slot where account_id = ? and expires_ms >= ?")) {
            s.setLong(1, accountId);
            s.setLong(2, now);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Locks the account's row for the rest of the transaction, inserting it the first time. */
    private static void lockAccount(Connection c, long accountId) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (execute(c, "update socket_account set account_id = account_id where account_id = ?", accountId) == 1) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("insert into socket_account (account_id) values (?)")) {
                s.setLong(1, accountId);
                s.executeUpdate();
                return; // the new row is locked by this transaction until it commits
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // Inserted by another transaction meanwhile (on PostgreSQL this aborts ours: start over).
                c.rollback();
            }
        }
        throw new SQLException("Could not lock the socket count of account " + accountId);
    }

    private static int execute(Connection c, String sql, long... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setLong(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
