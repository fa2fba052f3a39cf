package dev.mlsdmock.interviewer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.FakeModelServer;
import dev.mlsdmock.support.FakeOpenAiStreamingServer;
import dev.mlsdmock.support.FakeReply;
import dev.mlsdmock.support.TestRubrics;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stage drill with the LLM interviewer (the fake OpenAI-compatible server), over the real REST and WebSocket API. */
@QuarkusTest
@TestProfile(OpenAiInterviewerProfile.class)
class LlmDrillTest {

    private static final FakeOpenAiStreamingServer MODEL = FakeOpenAiStreamingServer.shared();
    private static final Rubric NEWS_FEED = TestRubrics.load("news-feed");

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanFake() {
        MODEL.reset();
        // The embedding warm-up takes the CPU for a while after start; the model's first-token timeout is short.
        await().atMost(Duration.ofMinutes(5)).until(() ->
                io.restassured.RestAssured.get("/q/health/ready").then().extract().statusCode() == 200);
        warmUp();
        circuitBreakers.resetAll();
    }

    private static boolean warm;

    /**
     * The first model call of a fresh application (client set-up, cold code) can miss the 1.5 s first-token timeout
     * on a loaded machine; one full interview's opening takes that hit before the drill is tested.
     */
    private static void warmUp() {
        if (warm) {
            return;
        }
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        MODEL.enqueue(FakeReply.text("Welcome. What would you like to clarify?"));
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
        }
        MODEL.reset();
        warm = true;
    }

    @Test
    void theModelOpensTheDrillWithItsContextAndClosesItAndTheScorecardCoversTheStageAlone() {
        String user = Api.newAccount();
        JsonPath created = Api.as(user).body("{\"problemId\":\"news-feed\",\"drill\":\"serve\"}").post("/api/interviews")
                .then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("interviewer")).isEqualTo("llm");
        assertThat(created.getString("stage")).isEqualTo("serve");
        String id = created.getString("id");
        String scale = NEWS_FEED.fact("scale").orElseThrow().answer().strip();
        // The model states a fact the drill gives: the stream guard must let it through (no fallback).
        MODEL.enqueue(FakeReply.text("This is a drill of serving only. ", scale + " ", "How would you serve the ranked feed?"),
                FakeReply.text("Noted. What happens when a request arrives?"),
                FakeReply.text("Thanks, that ends this drill. You will get feedback on this step."));
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            assertThat(ws.awaitType("stage").path("budgetSeconds").asLong()).isEqualTo(9 * 60);
            JsonNode opening = ws.awaitInterviewerTurn();
            assertThat(opening.path("stage").asText()).isEqualTo("serve");
            assertThat(opening.path("text").asText()).contains(scale);
            assertThat(opening.has("fallback")).as("the offline interviewer spoke instead; frames: %s", ws.seen()).isFalse();

            ws.answer("a1", "I would put a cache in front of the ranker.");
            ws.awaitAck("a1");
            ws.awaitInterviewerTurn();
            ws.sendType("end");
            JsonNode close = ws.awaitInterviewerTurn();
            assertThat(close.path("text").asText()).isEqualTo("Thanks, that ends this drill. You will get feedback on this step.");
            ws.awaitType("ended");
            assertThat(ws.seen()).noneMatch(f -> f.path("type").asText().equals("error") || f.has("fallback"));
        }

        List<FakeModelServer.Recorded> requests = MODEL.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).system()).contains("This is a drill of one step, deployment and serving, with about 9 minutes.")
                .contains(scale).contains("Take the earlier steps as settled: It predicts like, comment, share")
                .contains("About 9 minutes left in this step.")
                // serve is interviewer.requirement-change-stage: a drill never carries the change
                .doesNotContain("The feed team has just cut the ranking budget");
        assertThat(requests.get(2).system()).contains("The drill of deployment and serving is done.")
                .doesNotContain("The last step is done");

        await().atMost(Duration.ofSeconds(60)).until(() ->
                Api.as(user).get("/api/interviews/" + id + "/scorecard").then().extract().statusCode() == 200);
        JsonPath card = Api.as(user).get("/api/interviews/" + id + "/scorecard").then().statusCode(200).extract().jsonPath();
        assertThat(card.getList("stages.stage", String.class)).containsExactly("serve");
        assertThat(card.getString("drill.stage")).isEqualTo("serve");
    }
}
