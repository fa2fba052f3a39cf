package dev.mlsdmock.interview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The embedded default: H2 in a file, schema by the same Flyway migrations, an interview round-trips. */
@QuarkusTest
@TestProfile(EmbeddedDatabaseProfile.class)
class EmbeddedDatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void runsOnH2WithTheMigrationsApplied() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(c.getMetaData().getURL()).contains("embedded-db-");
            try (var files = java.nio.file.Files.find(java.nio.file.Path.of("target"), 2,
                    (path, attrs) -> path.toString().contains("embedded-db-") && path.toString().endsWith("mlsd.mv.db"))) {
                assertThat(files.count()).as("the database lives in a local file").isPositive();
            }
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select \"version\" from \"flyway_schema_history\" where \"success\" order by \"installed_rank\"")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            assertThat(versions).contains("1");
        }
    }

    @Test
    void anInterviewRoundTrips() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "similar-listings");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            assertThat(ws.awaitType("stage").path("stage").asText()).isEqualTo("clarify");
            ws.awaitInterviewerTurn();
            ws.answer("h2-1", "How many listings are there, and how many users?");
            JsonNode ack = ws.awaitAck("h2-1");
            assertThat(ack.path("seq").asInt()).isEqualTo(2);
            ws.awaitInterviewerTurn();
        }
        Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .body("problemId", equalTo("similar-listings"))
                .body("turns", hasSize(3))
                .body("turns[1].clientId", equalTo("h2-1"))
                .body("turns[1].stage", equalTo("clarify"));
    }
}
