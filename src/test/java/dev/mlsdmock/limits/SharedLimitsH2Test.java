package dev.mlsdmock.limits;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** The shared limits on H2 in PostgreSQL mode, as the run command uses it (the migration applied as Flyway would). */
class SharedLimitsH2Test {

    private static final JdbcDataSource DB = new JdbcDataSource();

    @BeforeAll
    static void migrate() throws Exception {
        DB.setURL("jdbc:h2:mem:shared-limits;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        DB.setUser("sa");
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V11__shared_limits.sql"));
        try (Connection c = DB.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    @Test
    void twoInstancesSpendFromOneBucket() {
        SharedLimitsContract.twoInstancesSpendFromOneBucket(DB);
    }

    @Test
    void aConcurrentBurstGetsExactlyTheCapacity() throws Exception {
        SharedLimitsContract.aConcurrentBurstGetsExactlyTheCapacity(DB);
    }

    @Test
    void socketSlotsAreCountedAcrossInstancesAtomically() throws Exception {
        SharedLimitsContract.socketSlotsAreCountedAcrossInstancesAtomically(DB);
    }
}
