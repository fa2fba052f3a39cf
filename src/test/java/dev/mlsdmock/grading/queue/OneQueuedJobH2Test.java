package dev.mlsdmock.grading.queue;

import dev.mlsdmock.interview.EmbeddedDatabaseProfile;
import dev.mlsdmock.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded H2 database enforces one queued grading job per interview too, and allows any number of closed ones. */
@QuarkusTest
@TestProfile(EmbeddedDatabaseProfile.class)
class OneQueuedJobH2Test {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSecondQueuedRowIsRefusedAndClosedRowsAreNot() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            UUID interview = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("insert into interview (id, account_id, problem_id, status, stage, "
                    + "stage_started_at, interviewer, created_at) values (?, (select id from account where username = ?), "
                    + "'news-feed', 'ENDED', 'FRAME', ?, 'offline', ?)")) {
                p.setObject(1, interview);
                p.setString(2, Api.newAccount());
                p.setTimestamp(3, Timestamp.from(Instant.now()));
                p.setTimestamp(4, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            insertJob(c, interview, null, "DONE");
            insertJob(c, interview, null, "FAILED");
            insertJob(c, interview, interview, "QUEUED");
            assertThatThrownBy(() -> insertJob(c, interview, interview, "QUEUED")).isInstanceOf(SQLException.class);
        }
    }

    private static void insertJob(Connection c, UUID interview, UUID queuedFor, String status) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into grading_job (interview_id, queued_for, grader, level, "
                + "status, created_at) values (?, ?, 'offline', 'senior', ?, ?)")) {
            p.setObject(1, interview);
            p.setObject(2, queuedFor);
            p.setString(3, status);
            p.setTimestamp(4, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
    }
}
