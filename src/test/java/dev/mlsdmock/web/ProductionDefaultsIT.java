package dev.mlsdmock.web;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application (prod profile) as an operator gets it: it will not start with no session key or with the
 * key docker-compose.yml used to fall back to, and once started it serves no API docs unless asked to.
 */
class ProductionDefaultsIT {

    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void refusesToStartWithoutAStrongSessionKey() throws Exception {
        for (String key : new String[] {null, "please-change-this-to-a-long-random-secret"}) {
            Path log = Path.of("target/prod-defaults-it-refused.log");
            app = start(freePort(), key, Map.of(), log);
            assertThat(app.waitFor(90, TimeUnit.SECONDS)).as("the app exits by itself").isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(Files.readString(log)).contains("Refusing to start").contains("SESSION_ENCRYPTION_KEY")
                    .contains("openssl rand -base64 48");
        }
    }

    @Test
    void servesNoApiDocsUnlessEnabledAndSendsSecurityHeaders() throws Exception {
        int port = freePort();
        app = start(port, "prod-it-" + UUID.randomUUID() + UUID.randomUUID(), Map.of(),
                Path.of("target/prod-defaults-it-started.log"));
        RestAssured.port = port;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
        assertThat(RestAssured.get("/q/openapi").statusCode()).isEqualTo(404);
        assertThat(RestAssured.get("/q/swagger-ui/").statusCode()).isEqualTo(404);
        Response page = RestAssured.given().redirects().follow(false).get("/login.html");
        assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void servesApiDocsWithApiDocsTrue() throws Exception {
        int port = freePort();
        app = start(port, "prod-it-" + UUID.randomUUID() + UUID.randomUUID(), Map.of("API_DOCS", "true"),
                Path.of("target/prod-defaults-it-api-docs.log"));
        RestAssured.port = port;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
        assertThat(RestAssured.get("/q/openapi").then().statusCode(200).extract().asString())
                .contains("MLSD mock interviewer API");
        assertThat(RestAssured.get("/q/swagger-ui/").statusCode()).isEqualTo(200);
        assertThat(Files.readString(Path.of("target/prod-defaults-it-api-docs.log"))).doesNotContain("deprecated");
    }

    private static Process start(int port, String key, Map<String, String> env, Path log) throws IOException {
        String jar = System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar");
        assertThat(new File(jar)).as("the packaged application (run `./mvnw verify`)").exists();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Dquarkus.http.port=" + port, "-jar", jar)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("SESSION_ENCRYPTION_KEY");
        pb.environment().remove("SESSION_KEY_FILE");
        pb.environment().put("DB_URL", env("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        pb.environment().put("DB_USER", env("TEST_DB_USER", "postgres"));
        pb.environment().put("DB_PASSWORD", env("TEST_DB_PASSWORD", ""));
        if (key != null) {
            pb.environment().put("SESSION_ENCRYPTION_KEY", key);
        }
        pb.environment().putAll(env);
        return pb.start();
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
