package dev.mlsdmock.interview;

import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

/** What an operator reads (docs/operations.md): the Prometheus metrics and the readiness checks. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessReportsTheDatabaseTheRubricsAndTheEmbeddingModel() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItems("rubrics", "embedding-model")));
        RestAssured.get("/q/health/ready").then().body("checks.find { it.name == 'rubrics' }.status",
                org.hamcrest.Matchers.equalTo("UP"));
        String body = RestAssured.get("/q/health/ready").asString();
        assertThat(body).contains("Database connections health check");
    }

    @Test
    void anAnswerShowsUpInTheMetricsWhileItsSocketIsOpen() {
        double answersBefore = metric("mlsd_answers_total");
        double repliesBefore = metric("mlsd_answer_reply_seconds_count");
        String user = Api.newAccount();
        String id = Api.newInterview(user, "ad-click-prediction");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer("ops-1", AnswerBook.answerFor("clarify", 0));
            ws.awaitAck("ops-1");
            ws.awaitInterviewerTurn();
            assertThat(metric("mlsd_sockets_open")).isGreaterThanOrEqualTo(1);
            assertThat(metric("mlsd_interviews_live")).isGreaterThanOrEqualTo(1);
        }
        // The reply is recorded right after its frame is sent, so the client may see it a moment earlier.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("mlsd_answers_total")).isGreaterThanOrEqualTo(answersBefore + 1);
            assertThat(metric("mlsd_answer_reply_seconds_count")).isGreaterThanOrEqualTo(repliesBefore + 1);
            assertThat(metric("mlsd_answer_first_words_seconds_count")).isGreaterThanOrEqualTo(1);
        });
        String all = RestAssured.get("/q/metrics").asString();
        assertThat(all).contains("jvm_memory_used_bytes", "mlsd_grading_queue_depth", "agroal_active_count");
    }

    /** The value of an untagged meter in the Prometheus text format; 0 when it has no sample yet. */
    private static double metric(String name) {
        String text = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
