package dev.mlsdmock.interview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagram frame over the real WebSocket: stored, echoed, idempotent, limited, exported, never a reply. */
@QuarkusTest
class DiagramSocketTest {

    static final String DIAGRAM = """
            flowchart LR
              U[User events] --> FS[(Feature store)]
              FS --> CG[Candidate generation]
              CG --> R[Ranker]""";
    private static final ObjectMapper JSON = new ObjectMapper();

    static String diagramFrame(String clientId, String text) {
        return JSON.createObjectNode().put("type", "diagram").put("clientId", clientId).put("text", text).toString();
    }

    @Test
    void aDiagramIsStoredEchoedOnceAndNeverAnsweredByTheInterviewer() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        String clientId = UUID.randomUUID().toString();
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            int opening = ws.awaitInterviewerTurn().path("seq").asInt();
            ws.send(diagramFrame(clientId, DIAGRAM));
            JsonNode echo = ws.awaitAck(clientId);
            assertThat(echo.path("role").asText()).isEqualTo("candidate");
            assertThat(echo.path("kind").asText()).isEqualTo("diagram");
            assertThat(echo.path("seq").asInt()).isEqualTo(opening + 1);
            assertThat(echo.path("text").asText()).isEqualTo(DIAGRAM);

            // Re-sent after a dropped connection: the same turn, not a second one.
            ws.send(diagramFrame(clientId, DIAGRAM));
            assertThat(ws.awaitAck(clientId).path("seq").asInt()).isEqualTo(opening + 1);

            // The next answer is acknowledged, and only then does the interviewer speak: the diagram took no turn.
            String answer = UUID.randomUUID().toString();
            ws.answer(answer, "Who are the users, and how many daily active users are there?");
            JsonNode ack = ws.awaitAck(answer);
            assertThat(ack.path("seq").asInt()).isEqualTo(opening + 2);
            JsonNode reply = ws.awaitInterviewerTurn();
            assertThat(reply.path("seq").asInt()).isEqualTo(opening + 3);
            assertThat(ws.seen().stream().filter(f -> "interviewer".equals(f.path("role").asText())).count()).isEqualTo(2);
        }
        JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> turns = stored.getList("turns");
        assertThat(turns).filteredOn(t -> "diagram".equals(t.get("kind"))).hasSize(1);
    }

    @Test
    void theOfflineInterviewerMentionsADrawnComponentNobodyTalkedAbout() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            String clientId = UUID.randomUUID().toString();
            ws.send(diagramFrame(clientId, DIAGRAM));
            ws.awaitAck(clientId);
            ws.answer(UUID.randomUUID().toString(), "Who are the users, and how many daily active users are there?");
            String reply = ws.awaitInterviewerTurn().path("text").asText();
            assertThat(reply).containsPattern("I see \"(feature store|candidate generation|ranking stage)\" in your diagram, and");
            assertThat(reply.chars().filter(c -> c == '?').count()).isEqualTo(1);
        }
    }

    @Test
    void theOfflineScorecardQuotesTheDiagramWhereItHoldsTheEvidence() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        String line = "FS -->|fresh streaming features so serving matches training| CG[Candidate generation]";
        String diagram = "flowchart LR\n  U[User events] --> FS[(Feature store)]\n  " + line + "\n  CG --> R[Ranker]";
        int seq;
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer(UUID.randomUUID().toString(), "How many daily active users do we have?");
            ws.awaitInterviewerTurn();
            String clientId = UUID.randomUUID().toString();
            ws.send(diagramFrame(clientId, diagram));
            seq = ws.awaitAck(clientId).path("seq").asInt();
            ws.sendType("end");
            ws.awaitType("ended");
        }
        JsonPath card = dev.mlsdmock.grading.ScorecardAssertions.awaitScorecard(user, id);
        List<Map<String, Object>> quotes = card.getList("criteria.evidence.flatten()");
        assertThat(quotes).filteredOn(q -> Integer.valueOf(seq).equals(q.get("seq")))
                .extracting(q -> (String) q.get("quote")).isNotEmpty().allSatisfy(q -> assertThat(diagram).contains(q))
                .contains(line);
        dev.mlsdmock.grading.ScorecardAssertions.assertEveryQuoteVerifies(user, id, card);
    }

    @Test
    void anImportedTranscriptKeepsItsDiagramTurns() {
        String user = Api.newAccount();
        var body = JSON.createObjectNode().put("problemId", "video-recommendation");
        var turns = body.putArray("turns");
        turns.addObject().put("role", "interviewer").put("text", "Design the homepage recommendations.");
        turns.addObject().put("role", "candidate").put("text", "I'd start with the business goal and the scale.");
        turns.addObject().put("role", "candidate").put("kind", "diagram").put("text", DIAGRAM);
        String id = Api.as(user).body(body.toString()).post("/api/interviews/import").then().statusCode(201)
                .extract().path("id");
        JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("turns.kind", String.class)).containsExactly(null, null, "diagram");
        assertThat(stored.getString("turns[2].text")).isEqualTo(DIAGRAM);
    }

    @Test
    void reconnectingAfterADiagramDoesNotMakeTheInterviewerSpeak() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        String first = UUID.randomUUID().toString();
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.send(diagramFrame(first, DIAGRAM));
            ws.awaitAck(first);
        }
        String second = UUID.randomUUID().toString();
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.send(diagramFrame(second, DIAGRAM + "\n  R --> S[Serving]"));
            JsonNode echo = ws.awaitAck(second);
            assertThat(echo.path("seq").asInt()).isEqualTo(3);
            // The replay: the opening and the first version; no reply was made to a diagram on reconnect.
            assertThat(ws.seen().stream().filter(f -> "turn".equals(f.path("type").asText())).map(f -> f.path("seq").asInt()))
                    .containsExactly(1, 2, 3);
        }
    }

    @Test
    void aTooLargeOrEmptyDiagramIsRefusedWithAClearErrorAndNothingIsStored() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.send(diagramFrame(UUID.randomUUID().toString(), "flowchart LR\n" + "  A --> B\n".repeat(700)));
            JsonNode error = ws.awaitType("error");
            assertThat(error.path("code").asText()).isEqualTo("diagram_too_large");
            assertThat(error.path("message").asText()).contains("at most 6000");
            ws.send(diagramFrame(UUID.randomUUID().toString(), "   "));
            assertThat(ws.awaitType("error").path("code").asText()).isEqualTo("empty_diagram");
            ws.send(diagramFrame("", DIAGRAM));
            assertThat(ws.awaitType("error").path("code").asText()).isEqualTo("invalid_client_id");
        }
        JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("turns")).hasSize(1);
    }

    @Test
    void theExportsCarryEveryDiagramVersion() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        String backticks = "flowchart LR\n  A[\"``` not a fence\"] --> B";
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            String v1 = UUID.randomUUID().toString();
            ws.send(diagramFrame(v1, DIAGRAM));
            ws.awaitAck(v1);
            String v2 = UUID.randomUUID().toString();
            ws.send(diagramFrame(v2, backticks));
            ws.awaitAck(v2);
        }
        String md = Api.as(user).get("/api/interviews/" + id + "/export?format=md").then().statusCode(200).extract().asString();
        assertThat(md).contains("**Candidate's diagram**").contains("```mermaid\n" + DIAGRAM.strip() + "\n```\n")
                .contains("````mermaid\n" + backticks + "\n````\n");
        JsonPath json = Api.as(user).get("/api/interviews/" + id + "/export?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("turns.findAll { it.kind == 'diagram' }.text", String.class))
                .containsExactly(DIAGRAM, backticks);
    }
}
