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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged instances on one PostgreSQL database, as behind a load balancer: an interview started on the first
 * goes on on the second after the first is killed with SIGKILL, and when the first comes back and grades it (the
 * second runs no grading worker), the scorecard frame reaches the candidate's socket on the second instance. And
 * what must hold across instances does: a logout, the socket cap and the failed-login lockout (docs/security.md).
 */
class TwoInstancesIT {

    private final List<Process> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(Process::destroyForcibly);
    }

    @Test
    void anInterviewContinuesOnTheOtherInstanceAndItsScorecardReachesItThere() throws Exception {
        int first = freePort();
        int second = freePort();
        Process a = start(first, "a", "true");
        start(second, "b", "false");

        RestAssured.port = first;
        String user = Api.newAccount();
        String id = Api.newInterview(user, "ad-click-prediction");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            for (int i = 0; i < 2; i++) {
                ws.answer("on-a-" + i, AnswerBook.answerFor("clarify", i));
                ws.awaitAck("on-a-" + i);
                ws.awaitInterviewerTurn();
            }
            a.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
        }

        RestAssured.port = second;
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitType("stage");
            ws.answer("on-b", AnswerBook.answerFor("clarify", 2));
            JsonNode ack = ws.awaitAck("on-b");
            JsonNode reply = ws.awaitInterviewerTurn();
            assertThat(reply.path("seq").asInt()).isGreaterThan(ack.path("seq").asInt());
            assertThat(ack.path("seq").asInt()).isGreaterThanOrEqualTo(6); // opening + 2 answers, 2 replies before

            // The first instance comes back; it is the only one with a grading worker.
            start(first, "a2", "true");
            ws.sendType("end");
            ws.awaitType("ended");
            JsonNode scorecard = ws.await(f -> f.path("type").asText().equals("scorecard"), "scorecard frame",
                    Duration.ofSeconds(120));
            assertThat(scorecard.path("url").asText()).isEqualTo("/api/interviews/" + id + "/scorecard");
        }
        assertThat(Files.readString(Path.of("target/two-instances-a2.log"))).contains("Graded interview " + id);
        assertThat(Files.readString(Path.of("target/two-instances-b.log"))).doesNotContain("Graded interview " + id);
    }

    @Test
    void aCookieEndsOnEveryInstanceAndLimitsAreSharedBetweenThem() throws Exception {
        int first = freePort();
        int second = freePort();
        String[] tight = {"-Dlimits.sockets-per-account=2", "-Dlimits.login-per-username-capacity=3",
                "-Dlimits.login-per-username-refill-per-minute=0.001"};
        start(first, "limits-a", "false", tight);
        start(second, "limits-b", "false", tight);
        RestAssured.port = first;
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");

        // Logout on the first instance ends the cookie on the second.
        String cookie = dev.mlsdmock.account.SessionRevocationTest.login(user, Api.PASSWORD);
        RestAssured.given().port(second).cookie("quarkus-credential", cookie).get("/api/accounts/me").then().statusCode(200);
        RestAssured.given().port(first).cookie("quarkus-credential", cookie).header("X-Requested-With", "fetch")
                .delete("/api/session").then().statusCode(204);
        RestAssured.given().port(second).cookie("quarkus-credential", cookie).get("/api/accounts/me").then().statusCode(401);

        // Two sockets, one on each instance, use up the account's cap of two on both.
        try (WsClient onA = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            onA.awaitType("stage");
            RestAssured.port = second;
            try (WsClient onB = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
                onB.awaitType("stage");
                assertThat(WsClient.refusedStatus(Api.wsUri(id), user, Api.PASSWORD)).isEqualTo(429);
                RestAssured.port = first;
                assertThat(WsClient.refusedStatus(Api.wsUri(id), user, Api.PASSWORD)).isEqualTo(429);
            }
        }

        // Failed logins of one username count on both: three on the first, and the second refuses the fourth.
        String victim = Api.newAccount();
        for (int i = 0; i < 3; i++) {
            RestAssured.given().port(first).auth().preemptive().basic(victim, "wrong-" + i).get("/api/accounts/me")
                    .then().statusCode(401);
        }
        RestAssured.given().port(second).auth().preemptive().basic(victim, Api.PASSWORD).get("/api/accounts/me")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    private static final String SESSION_KEY = "two-instances-it-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    private Process start(int port, String name, String worker, String... properties) throws IOException {
        String jar = System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar");
        assertThat(new File(jar)).as("the packaged application (run `./mvnw verify`)").exists();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-Dquarkus.http.port=" + port, "-Dgrading.worker=" + worker));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("target/two-instances-" + name + ".log"));
        pb.environment().put("DB_URL", env("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        pb.environment().put("DB_USER", env("TEST_DB_USER", "postgres"));
        pb.environment().put("DB_PASSWORD", env("TEST_DB_PASSWORD", ""));
        // A team's instances share one session key (the packaged app refuses to start without a strong one).
        pb.environment().put("SESSION_ENCRYPTION_KEY", SESSION_KEY);
        Process app = pb.start();
        apps.add(app);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> RestAssured.given().port(port).get("/q/health/ready").statusCode() == 200);
        return app;
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
