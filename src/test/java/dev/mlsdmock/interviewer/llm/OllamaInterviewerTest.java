package dev.mlsdmock.interviewer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.FakeModelServer;
import dev.mlsdmock.support.FakeOllamaServer;
import dev.mlsdmock.support.FakeReply;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The LLM interviewer on Ollama's native API (the fake server), end to end over the WebSocket. */
@QuarkusTest
@TestProfile(OllamaInterviewerProfile.class)
class OllamaInterviewerTest {

    private static final FakeOllamaServer MODEL = FakeOllamaServer.shared();
    private static final List<String> STAGES = List.of("clarify", "frame", "data", "model", "evaluate", "serve", "monitor");

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanFake() {
        MODEL.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void wholeInterviewStreamsFromALocalModelThroughAllSevenStages() {
        String user = Api.newAccount();
        JsonPath created = Api.as(user).body("{\"problemId\":\"event-recommendation\",\"interviewer\":\"llm\"}")
                .post("/api/interviews").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("model")).isEqualTo("ollama/qwen2.5:3b");
        String id = created.getString("id");
        MODEL.enqueue(FakeReply.text("Hi. ", "We'll design event recommendations. ", "What would you clarify first?"));
        List<String> stagesSeen = new ArrayList<>();
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            stagesSeen.add(ws.awaitType("stage").path("stage").asText());
            JsonNode opening = ws.awaitInterviewerTurn();
            assertThat(opening.path("text").asText()).isEqualTo("Hi. We'll design event recommendations. What would you clarify first?");
            assertThat(ws.seen().stream().filter(f -> f.path("type").asText().equals("delta")).map(f -> f.path("text").asText()))
                    // The stream guard holds "recommendations" until the next piece shows it does not begin a
                    // protected run of this rubric, and the last word until the stream ends (docs/llm.md).
                    .containsExactly("Hi. ", "We'll design event ", "recommendations. What would you clarify ", "first?");
            for (int i = 0; i < STAGES.size(); i++) {
                ws.answer("o" + i, "For " + STAGES.get(i) + " I would weigh freshness against cost.");
                ws.awaitAck("o" + i);
                ws.awaitInterviewerTurn();
                if (i < STAGES.size() - 1) {
                    ws.sendType("advance");
                    stagesSeen.add(ws.awaitType("stage").path("stage").asText());
                    ws.awaitInterviewerTurn();
                }
            }
            ws.sendType("end");
            ws.awaitInterviewerTurn();
            ws.awaitType("ended");
            assertThat(ws.seen()).noneMatch(f -> f.path("type").asText().equals("error"));
        }
        assertThat(stagesSeen).containsExactlyElementsOf(STAGES);

        List<FakeModelServer.Recorded> requests = MODEL.requests();
        assertThat(requests).hasSize(15);
        FakeModelServer.Recorded first = requests.get(0);
        assertThat(first.path()).isEqualTo("/api/chat");
        assertThat(first.body().path("model").asText()).isEqualTo("qwen2.5:3b");
        assertThat(first.body().path("stream").asBoolean()).isTrue();
        assertThat(first.body().path("options").path("num_predict").asInt()).isEqualTo(400);
        assertThat(first.system()).contains("Current step: 1 of 7");
        FakeModelServer.Recorded last = requests.get(requests.size() - 1);
        assertThat(last.conversation().get(1)).isEqualTo(Map.entry("user",
                "<candidate_answer>\nFor clarify I would weigh freshness against cost.\n</candidate_answer>"));

        JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("status")).isEqualTo("ended");
        assertThat(stored.getInt("usage.modelTurns")).isEqualTo(15);
        assertThat(stored.getInt("turns[0].usage.outputTokens")).isEqualTo(3);
        assertThat(stored.getInt("turns[0].usage.inputTokens")).isPositive();
    }

    @Test
    void anOllamaServerErrorFallsBackToTheOfflineInterviewerForThatTurn() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        MODEL.enqueue(FakeReply.status(500), FakeReply.status(500), FakeReply.status(500));
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            JsonNode error = ws.awaitType("error");
            assertThat(error.path("code").asText()).isEqualTo("llm_unavailable");
            JsonNode opening = ws.awaitInterviewerTurn();
            assertThat(opening.path("fallback").asBoolean()).isTrue();
            assertThat(opening.path("text").asText()).contains("45 minutes");
            ws.answer("n1", "How many users open the feed daily?");
            ws.awaitAck("n1");
            assertThat(ws.awaitInterviewerTurn().has("fallback")).isFalse();
        }
        assertThat(MODEL.requests()).hasSize(4);
    }
}
