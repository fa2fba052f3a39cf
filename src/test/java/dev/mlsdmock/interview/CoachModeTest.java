package dev.mlsdmock.interview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Coach mode and prompted signals over the REST and WebSocket API (docs/api.md). */
@QuarkusTest
class CoachModeTest {

    @Inject
    InterviewService interviews;

    @Test
    void modeIsChosenAtCreationAndDefaultsToInterview() {
        String user = Api.newAccount();
        String coach = Api.as(user).body("{\"problemId\":\"news-feed\",\"mode\":\"coach\"}").post("/api/interviews")
                .then().statusCode(201).body("mode", equalTo("coach")).extract().path("id");
        Api.as(user).get("/api/interviews/" + coach).then().statusCode(200).body("mode", equalTo("coach"));
        String plain = Api.newInterview(user, "news-feed");
        Api.as(user).get("/api/interviews/" + plain).then().statusCode(200).body("mode", equalTo("interview"));
        Api.as(user).body("{\"problemId\":\"news-feed\",\"mode\":\"exam\"}").post("/api/interviews")
                .then().statusCode(400).body("error", equalTo("invalid_mode"));
    }

    @Test
    void inCoachModeAHintFrameGetsAHintTurnThatIsStored() {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"harmful-content-detection\",\"mode\":\"coach\"}")
                .post("/api/interviews").then().statusCode(201).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.sendType("hint");
            JsonNode hint = ws.awaitInterviewerTurn();
            assertThat(hint.path("kind").asText()).isEqualTo("hint");
            assertThat(hint.path("stage").asText()).isEqualTo("clarify");
            assertThat(hint.path("text").asText()).startsWith("A hint:");
            ws.sendType("hint");
            assertThat(ws.awaitInterviewerTurn().path("text").asText()).startsWith("A more specific pointer:");
        }
        JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("turns.kind", String.class)).containsExactly("open", "hint", "hint");
    }

    @Test
    void inInterviewModeAHintIsPolitelyRefusedAndNothingIsStored() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.sendType("hint");
            JsonNode notice = ws.awaitType("notice");
            assertThat(notice.path("code").asText()).isEqualTo("hints_off");
            assertThat(notice.path("message").asText()).contains("coach mode");
        }
        assertThat(Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath()
                .getList("turns")).hasSize(1);
    }

    @Test
    void aSignalShownAfterAProbeIsRecordedWithTheProbingTurn() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            for (int i = 0; i < 3; i++) {
                ws.sendType("advance");
                ws.awaitInterviewerTurn();
            }
            ws.answer("thin", "I'd use a two-tower network for retrieval.");
            ws.awaitAck("thin");
            JsonNode probe = ws.awaitInterviewerTurn();
            ws.answer("baseline", "As a baseline I'd compare against a popularity model and a logistic regression; a deep "
                    + "ranker costs more to serve and adds latency, so it has to beat them clearly.");
            ws.awaitAck("baseline");
            ws.awaitInterviewerTurn();

            JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> signals = stored.getList("turns.find { it.clientId == 'baseline' }.signals");
            assertThat(signals).contains(Map.of("id", "model-baseline-tradeoffs", "prompted", probe.path("seq").asInt()));
            assertThat(interviews.signalOrigins(UUID.fromString(id))).anySatisfy(o -> {
                assertThat(o.signalId()).isEqualTo("model-baseline-tradeoffs");
                assertThat(o.via()).isEqualTo(InterviewService.SignalOrigin.PROBE);
                assertThat(o.promptedBy()).isEqualTo(probe.path("seq").asInt());
            });
        }
    }
}
