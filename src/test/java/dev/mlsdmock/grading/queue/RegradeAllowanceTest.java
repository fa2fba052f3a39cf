package dev.mlsdmock.grading.queue;

import dev.mlsdmock.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A re-grade that joins the job already queued or running for its interview adds no work, so it does not use up
 * the account's imports-and-re-grades allowance; only the request that queued the job did.
 */
@QuarkusTest
@TestProfile(RegradeAllowanceTest.Profile.class)
class RegradeAllowanceTest {

    /** No worker (jobs stay where the test puts them) and an allowance of 2 that does not refill during the test. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grading.worker", "false",
                    "limits.grading-per-account-capacity", "2",
                    "limits.grading-per-account-refill-per-minute", "0.001");
        }
    }

    private static final String TRANSCRIPT = "{\"problemId\":\"news-feed\",\"turns\":[{\"role\":\"candidate\",\"text\":"
            + "\"I would rank posts by predicted engagement.\"}]}";

    @Inject
    GradingQueue queue;

    @Test
    void regradesWhileTheFirstIsPendingUseOneUnitOfTheAllowance() {
        String user = Api.newAccount();
        UUID interview = QuarkusTransaction.requiringNew().call(() -> StoredInterviews.ended(user).id);

        regrade(user, interview, "{}");                  // queues a job: one unit
        regrade(user, interview, "{\"level\":\"staff\"}"); // updates the queued job
        regrade(user, interview, "{}");                  // and back
        GradingJob running = queue.claim().orElseThrow();
        assertThat(running.interviewId).isEqualTo(interview);
        regrade(user, interview, "{}");                  // joins the running job
        assertThat(QuarkusTransaction.requiringNew().call(() -> GradingJob.count("interviewId", interview))).isEqualTo(1);

        // One unit of two is left: one import passes, the next is refused.
        Api.as(user).contentType(ContentType.JSON).body(TRANSCRIPT).post("/api/interviews/import").then().statusCode(201);
        Api.as(user).contentType(ContentType.JSON).body(TRANSCRIPT).post("/api/interviews/import")
                .then().statusCode(429).body("error", equalTo("rate_limited"));
    }

    private static void regrade(String user, UUID interview, String body) {
        Api.as(user).contentType(ContentType.JSON).body(body).post("/api/interviews/" + interview + "/grade")
                .then().statusCode(202);
    }
}
