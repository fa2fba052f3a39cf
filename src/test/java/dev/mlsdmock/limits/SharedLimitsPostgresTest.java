package dev.mlsdmock.limits;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

/** The shared limits on PostgreSQL (the test database, migrated by Flyway at start). */
@QuarkusTest
class SharedLimitsPostgresTest {

    @Inject
    DataSource db;

    @Test
    void twoInstancesSpendFromOneBucket() {
        SharedLimitsContract.twoInstancesSpendFromOneBucket(db);
    }

    @Test
    void aConcurrentBurstGetsExactlyTheCapacity() throws Exception {
        SharedLimitsContract.aConcurrentBurstGetsExactlyTheCapacity(db);
    }

    @Test
    void socketSlotsAreCountedAcrossInstancesAtomically() throws Exception {
        SharedLimitsContract.socketSlotsAreCountedAcrossInstancesAtomically(db);
    }
}
