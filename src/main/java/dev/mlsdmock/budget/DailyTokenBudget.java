package dev.mlsdmock.budget;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The tokens each account used on LLM calls today (UTC), against {@code llm.daily-token-budget}. One row per account
 * and day in {@code llm_daily_usage}; every call adds to it with a single atomic update, so concurrent calls and
 * several app instances count correctly. Plain JDBC in auto-commit: a call's cost is recorded even when the turn or
 * grading that made it fails, and never waits for someone else's transaction.
 */
@ApplicationScoped
public class DailyTokenBudget {

    private final DataSource db;
    private final BudgetConfig config;
    private final Clock clock;

    public DailyTokenBudget(DataSource db, BudgetConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** The daily limit, or 0 when there is none. */
    public long limit() {
        return Math.max(0, config.dailyTokenBudget());
    }

    /** Whether the account has used its tokens for today; always false without a limit. */
    public boolean spent(long accountId) {
        return limit() > 0 && today(accountId).used() >= limit();
    }

    /** Today's usage of the account. */
    public Today today(long accountId) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select tokens, calls from llm_daily_usage where account_id = ? and usage_day = ?")) {
            s.setLong(1, accountId);
            s.setDate(2, Date.valueOf(day));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Today(day, r.getLong(1), r.getInt(2), limit()) : new Today(day, 0, 0, limit());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the LLM usage of account " + accountId, e);
        }
    }

    /** Adds one LLM call's tokens to the account's count for today. */
    public void record(long accountId, long tokens) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try (Connection c = db.getConnection()) {
            if (add(c, accountId, day, tokens) == 0) {
                try {
                    insert(c, accountId, day, tokens);
                } catch (SQLException e) {
                    // Another call inserted today's row first: add to it instead.
                    if (add(c, accountId, day, tokens) == 0) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the LLM usage of account " + accountId, e);
        }
    }

    private static int add(Connection c, long accountId, LocalDate day, long tokens) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update llm_daily_usage set tokens = tokens + ?, calls = calls + 1 "
                + "where account_id = ? and usage_day = ?")) {
            s.setLong(1, tokens);
            s.setLong(2, accountId);
            s.setDate(3, Date.valueOf(day));
            return s.executeUpdate();
        }
    }

    private static void insert(Connection c, long accountId, LocalDate day, long tokens) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into llm_daily_usage (account_id, usage_day, tokens, calls) values (?, ?, ?, 1)")) {
            s.setLong(1, accountId);
            s.setDate(2, Date.valueOf(day));
            s.setLong(3, tokens);
            s.executeUpdate();
        }
    }

    /**
     * @param limit 0 when there is no daily limit
     */
    public record Today(LocalDate day, long used, int calls, long limit) {

        /** Tokens left today; null without a limit. */
        public Long remaining() {
            return limit == 0 ? null : Math.max(0, limit - used);
        }
    }
}
