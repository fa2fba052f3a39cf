package dev.mlsdmock.interview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the packaged application with SIGKILL in the middle of an interview and starts it again: every
 * acknowledged turn must be there, and the interview must go on where it was. Runs the real jar (built by
 * `package`) as a separate process against the test PostgreSQL database.
 */
class RestartIT {

    private Process app;
    private int port;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void nothingAcknowledgedIsLostWhenTheServerIsKilled() throws Exception {
        port = freePort();
        RestAssured.port = port;
        start(1);
        String user = Api.newAccount();
        String id = Api.newInterview(user, "ad-click-prediction");
        List<JsonNode> acked = new ArrayList<>();
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            for (int i = 0; i < 3; i++) {
                String clientId = "before-kill-" + i;
                ws.answer(clientId, AnswerBook.answerFor("clarify", i));
                acked.add(ws.awaitAck(clientId));
                ws.awaitInterviewerTurn();
            }
            // An answer still in flight when the process dies may or may not be stored, but must not break anything.
            ws.answer("in-flight", "We also need to think about advertisers' budgets.");
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no flush
        }

        start(2);
        JsonNode[] turns = toArray(Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .extract().as(JsonNode.class).path("turns"));
        for (JsonNode ack : acked) {
            assertThat(turns).anySatisfy(t -> {
                assertThat(t.path("seq").asInt()).isEqualTo(ack.path("seq").asInt());
                assertThat(t.path("clientId").asText()).isEqualTo(ack.path("clientId").asText());
                assertThat(t.path("text").asText()).isEqualTo(ack.path("text").asText());
            });
        }

        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            assertThat(ws.awaitType("stage").path("stage").asText()).isIn("clarify", "frame");
            // The re-sent in-flight answer is stored exactly once, whether or not it made it before the kill.
            ws.answer("in-flight", "We also need to think about advertisers' budgets.");
            JsonNode ack = ws.awaitAck("in-flight");
            assertThat(ack.path("role").asText()).isEqualTo("candidate");
            JsonNode reply = ws.awaitInterviewerTurn();
            assertThat(reply.path("seq").asInt()).isGreaterThan(ack.path("seq").asInt());
        }
        JsonNode after = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().as(JsonNode.class);
        long inFlight = 0;
        for (JsonNode t : after.path("turns")) {
            if ("in-flight".equals(t.path("clientId").asText())) {
                inFlight++;
            }
        }
        assertThat(inFlight).isEqualTo(1);
    }

    private void start(int run) throws IOException {
        String jar = System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar");
        assertThat(new File(jar)).as("the packaged application (run `./mvnw verify`)").exists();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Dquarkus.http.port=" + port, "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/restart-it-run" + run + ".log"));
        pb.environment().put("DB_URL", env("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        pb.environment().put("DB_USER", env("TEST_DB_USER", "postgres"));
        pb.environment().put("DB_PASSWORD", env("TEST_DB_PASSWORD", ""));
        // The packaged app refuses to start without a strong session key (docs/security.md).
        pb.environment().put("SESSION_ENCRYPTION_KEY", "restart-it-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID());
        app = pb.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    }

    private static JsonNode[] toArray(JsonNode array) {
        JsonNode[] out = new JsonNode[array.size()];
        for (int i = 0; i < array.size(); i++) {
            out[i] = array.get(i);
        }
        return out;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
