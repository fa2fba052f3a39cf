package dev.mlsdmock.limits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The rate limits and caps through the real API, with tight limits (TightLimitsProfile). */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class SecurityLimitsTest {

    @Test
    void aLoginFloodGets429WithRetryAfterWhileAnotherUserStillLogsIn() throws Exception {
        String victim = newAccount();
        String attacker = address();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Response r = basic(attacker, victim, "wrong-password-" + i).get("/api/accounts/me");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertThat(Long.parseLong(r.getHeader("Retry-After"))).isPositive();
                assertThat(r.jsonPath().getString("error")).isEqualTo("rate_limited");
            }
        }
        // Three tries for the username, then 429 without checking the password.
        assertThat(statuses).containsExactly(401, 401, 401, 429, 429, 429);

        // A burst at once: refused, never a 5xx.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> burst = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String password = "burst-" + i;
                burst.add(pool.submit(() -> basic(attacker, victim, password).get("/api/accounts/me").statusCode()));
            }
            for (Future<Integer> f : burst) {
                assertThat(f.get()).isEqualTo(429);
            }
        } finally {
            pool.shutdown();
        }
        // The right password is refused too while the username is locked (so the answer tells nothing) ...
        basic(address(), victim, Api.PASSWORD).get("/api/accounts/me").then().statusCode(429);
        // ... while another user is served, from another address.
        String other = newAccount();
        basic(address(), other, Api.PASSWORD).get("/api/accounts/me").then().statusCode(200)
                .body("username", equalTo(other));
    }

    @Test
    void anAddressThatFailsTooOftenIsRefusedForEveryUsername() {
        String attacker = address();
        for (int i = 0; i < 6; i++) {
            basic(attacker, "nobody" + i, "wrong-password").get("/api/accounts/me").then().statusCode(401);
        }
        String user = newAccount();
        basic(attacker, user, Api.PASSWORD).get("/api/accounts/me").then().statusCode(429);
        basic(address(), user, Api.PASSWORD).get("/api/accounts/me").then().statusCode(200);
    }

    @Test
    void failedFormLoginsAreLimitedToo() {
        String victim = newAccount();
        String attacker = address();
        for (int i = 0; i < 3; i++) {
            assertThat(formLogin(attacker, victim, "wrong-" + i, "http").statusCode()).isIn(302, 303);
        }
        Response refused = formLogin(attacker, victim, "wrong-again", "http");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
    }

    @Test
    void signUpsAreLimitedPerAddress() {
        String address = address();
        for (int i = 0; i < 3; i++) {
            signUp(address).then().statusCode(201);
        }
        signUp(address).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("rate_limited"));
        signUp(address()).then().statusCode(201);
    }

    @Test
    void importsAndRegradesShareOneLimitPerAccountAndTheRefusedOneQueuesNothing() {
        String user = newAccount();
        String transcript = "{\"problemId\":\"news-feed\",\"turns\":[{\"role\":\"candidate\",\"text\":"
                + "\"I would rank posts by predicted engagement.\"}]}";
        String id = Api.as(user).contentType(ContentType.JSON).body(transcript).post("/api/interviews/import")
                .then().statusCode(201).extract().path("id");
        // Once the import's own grading is done, a re-grade queues new work (one joining a pending job is free).
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(user).get("/api/interviews/" + id + "/scorecard")
                .statusCode() == 200);
        Api.as(user).contentType(ContentType.JSON).body("{}").post("/api/interviews/" + id + "/grade")
                .then().statusCode(202);
        Response refused = Api.as(user).contentType(ContentType.JSON).body(transcript).post("/api/interviews/import");
        refused.then().statusCode(429).body("error", equalTo("rate_limited"));
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        Api.as(user).contentType(ContentType.JSON).body("{}").post("/api/interviews/" + id + "/grade")
                .then().statusCode(429);
        assertThat(Api.as(user).get("/api/interviews").jsonPath().getList("id")).hasSize(1);
        // Another account is not slowed by this one.
        String other = newAccount();
        Api.as(other).contentType(ContentType.JSON).body(transcript).post("/api/interviews/import").then().statusCode(201);
    }

    @Test
    void answersAreRateLimitedPerAccountWithAnErrorFrame() {
        String user = newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer("a1", "How many daily active users do we have?");
            ws.awaitAck("a1");
            ws.awaitInterviewerTurn();
            ws.answer("a2", "What is the latency budget?");
            ws.awaitAck("a2");
            ws.awaitInterviewerTurn();
            ws.answer("a3", "And the data we have?");
            JsonNode error = ws.awaitType("error");
            assertThat(error.path("code").asText()).isEqualTo("rate_limited");
            assertThat(error.path("retryAfterSeconds").asLong()).isPositive();
            assertThat(error.path("clientId").asText()).as("which frame was refused").isEqualTo("a3");
        }
        // Nothing of the refused answer was stored.
        assertThat(Api.as(user).get("/api/interviews/" + id).jsonPath().getList("turns.clientId")).doesNotContain("a3");
    }

    @Test
    void anAccountMayHoldOnlySoManySockets() {
        String user = newAccount();
        String id = Api.newInterview(user, "news-feed");
        WsClient first = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD);
        first.awaitInterviewerTurn();
        try (WsClient second = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            second.awaitType("stage");
            assertThat(WsClient.refusedStatus(Api.wsUri(id), user, Api.PASSWORD)).isEqualTo(429);
            // Another account is not affected.
            String other = newAccount();
            WsClient.connect(Api.wsUri(Api.newInterview(other, "news-feed")), other, Api.PASSWORD).close();
            first.close();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                WsClient.connect(Api.wsUri(id), user, Api.PASSWORD).close();
                return true;
            });
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysHttps() {
        String user = newAccount();
        String https = String.join("\n", formLogin(address(), user, Api.PASSWORD, "https").getHeaders().getValues("Set-Cookie"));
        assertThat(https).contains("quarkus-credential=").containsIgnoringCase("; Secure");
        String http = String.join("\n", formLogin(address(), user, Api.PASSWORD, "http").getHeaders().getValues("Set-Cookie"));
        assertThat(http).contains("quarkus-credential=").doesNotContainIgnoringCase("Secure");
    }

    private static String address() {
        UUID u = UUID.randomUUID();
        return "198.51." + (Math.abs(u.getMostSignificantBits()) % 250) + "." + (Math.abs(u.getLeastSignificantBits()) % 250);
    }

    private static RequestSpecification basic(String address, String user, String password) {
        return RestAssured.given().header("X-Forwarded-For", address).auth().preemptive().basic(user, password);
    }

    private static Response formLogin(String address, String user, String password, String proto) {
        return RestAssured.given().redirects().follow(false).header("X-Forwarded-For", address)
                .header("X-Forwarded-Proto", proto).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    private static Response signUp(String address) {
        return signUp(address, "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static Response signUp(String address, String username) {
        return RestAssured.given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}").post("/api/accounts");
    }

    /** An account signed up from an address of its own (sign-ups are limited per address here). */
    private static String newAccount() {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        signUp(address(), username).then().statusCode(201);
        return username;
    }
}
