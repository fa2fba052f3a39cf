package dev.mlsdmock.grading.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.grading.GradingDefaults;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mlsdmock.grading.ScorecardAssertions.assertEveryQuoteVerifies;
import static dev.mlsdmock.grading.ScorecardAssertions.awaitScorecard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Grading through the real API: import, queue, worker, scorecard, re-grade, and the WebSocket push. */
@QuarkusTest
class GradingResourceTest {

    private static final String PROBLEM = "ad-click-prediction";

    @Test
    void importedTranscriptsAreRankedAndEveryQuoteOccursInItsTurn() {
        String user = Api.newAccount();
        Map<String, JsonPath> cards = new HashMap<>();
        for (String quality : List.of("strong", "mediocre", "weak", "keyword-stuffed", "injection")) {
            String id = Api.as(user).body(Calibration.importBody(PROBLEM, quality, null)).post("/api/interviews/import")
                    .then().statusCode(201).body("status", equalTo("ended")).body("level", equalTo("senior"))
                    .extract().path("id");
            cards.put(quality, awaitScorecard(user, id));
            assertEveryQuoteVerifies(user, id, cards.get(quality));
        }
        int strong = cards.get("strong").getInt("overall");
        int mediocre = cards.get("mediocre").getInt("overall");
        int weak = cards.get("weak").getInt("overall");
        assertThat(strong).isGreaterThan(mediocre);
        assertThat(mediocre).isGreaterThan(weak);
        assertThat(cards.get("keyword-stuffed").getInt("overall")).isLessThan(mediocre);
        assertThat(cards.get("injection").getInt("overall")).isLessThan(mediocre);
        assertThat(cards.get("injection").getList("flags.type", String.class)).contains("injection");

        JsonPath card = cards.get("strong");
        assertThat(card.getString("grader")).isEqualTo("offline:" + GradingDefaults.EMBEDDING_MODEL);
        assertThat(card.getString("rubricId")).isEqualTo(PROBLEM);
        assertThat(card.getString("rubricVersion")).matches("[0-9a-f]{12}");
        assertThat(card.getString("recommendation")).isIn("strong-hire", "hire");
        assertThat(card.getList("stages.stage", String.class))
                .containsExactly("clarify", "frame", "data", "model", "evaluate", "serve", "monitor");
        assertThat(card.getList("criteria")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(card.getString("createdAt")).isNotBlank();
        assertThat(card.getString("spread")).isNull();
    }

    @Test
    void offlineGradingTwiceGivesTheSameScorecard() {
        String user = Api.newAccount();
        String id = Api.as(user).body(Calibration.importBody(PROBLEM, "mediocre", "staff")).post("/api/interviews/import")
                .then().statusCode(201).body("level", equalTo("staff")).extract().path("id");
        JsonPath first = awaitScorecard(user, id);
        Api.as(user).body("{\"grader\":\"offline\"}").post("/api/interviews/" + id + "/grade")
                .then().statusCode(202).body("url", equalTo("/api/interviews/" + id + "/scorecard"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.as(user).get("/api/interviews/" + id + "/scorecards").then().extract().jsonPath().getList("$").size() == 2);
        JsonPath second = awaitScorecard(user, id);
        Map<String, Object> a = first.getMap("$");
        Map<String, Object> b = second.getMap("$");
        assertThat(a.get("id")).isNotEqualTo(b.get("id"));
        a.remove("id");
        a.remove("createdAt");
        b.remove("id");
        b.remove("createdAt");
        assertThat(b).isEqualTo(a);
        assertThat(a.get("level")).isEqualTo("staff");
    }

    @Test
    void regradeAtAnotherLevelKeepsTheOldScorecard() {
        String user = Api.newAccount();
        String id = Api.as(user).body(Calibration.importBody(PROBLEM, "strong", "mid")).post("/api/interviews/import")
                .then().statusCode(201).extract().path("id");
        awaitScorecard(user, id);
        Api.as(user).body("{\"level\":\"staff\"}").post("/api/interviews/" + id + "/grade").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.as(user).get("/api/interviews/" + id + "/scorecards").then().extract().jsonPath().getList("$").size() == 2);
        List<String> levels = Api.as(user).get("/api/interviews/" + id + "/scorecards").then().statusCode(200)
                .extract().jsonPath().getList("level", String.class);
        assertThat(levels).containsExactlyInAnyOrder("mid", "staff");
        assertThat(awaitScorecard(user, id).getString("level")).isEqualTo("staff");
    }

    @Test
    void endingOverTheWebSocketPushesTheScorecard() {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"" + PROBLEM + "\",\"level\":\"mid\"}").post("/api/interviews")
                .then().statusCode(201).body("level", equalTo("mid")).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer("a1", "Are advertisers charged per click, and does the auction rank ads by bid times predicted "
                    + "click probability? If so, calibration matters because the probability sets the price.");
            ws.awaitAck("a1");
            ws.sendType("end");
            JsonNode frame = ws.awaitType("scorecard");
            assertThat(frame.path("url").asText()).isEqualTo("/api/interviews/" + id + "/scorecard");
        }
        JsonPath card = Api.as(user).get("/api/interviews/" + id + "/scorecard").then().statusCode(200).extract().jsonPath();
        assertThat(card.getString("level")).isEqualTo("mid");
        assertThat(card.getInt("overall")).isBetween(1, 40);
        // Coming back later, the client is told where the scorecard is right after "ended".
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitType("ended");
            assertThat(ws.awaitType("scorecard").path("url").asText()).isEqualTo("/api/interviews/" + id + "/scorecard");
        }
    }

    @Test
    void restEndQueuesGradingAndActiveInterviewsHaveNoScorecard() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, PROBLEM);
        Api.as(user).get("/api/interviews/" + id + "/scorecard").then().statusCode(404).body("error", equalTo("not_graded_yet"));
        Api.as(user).post("/api/interviews/" + id + "/grade").then().statusCode(409).body("error", equalTo("interview_active"));
        Api.as(user).post("/api/interviews/" + id + "/end").then().statusCode(200);
        JsonPath card = awaitScorecard(user, id);
        assertThat(card.getInt("overall")).isZero();
        assertThat(card.getString("recommendation")).isEqualTo("no-hire");
    }

    @Test
    void scorecardsOfOtherAccountsAreNotFound() {
        String owner = Api.newAccount();
        String id = Api.as(owner).body(Calibration.importBody(PROBLEM, "weak", null)).post("/api/interviews/import")
                .then().statusCode(201).extract().path("id");
        String other = Api.newAccount();
        Api.as(other).get("/api/interviews/" + id + "/scorecard").then().statusCode(404).body("error", equalTo("interview_not_found"));
        Api.as(other).post("/api/interviews/" + id + "/grade").then().statusCode(404);
        Api.as(owner).get("/api/interviews/not-a-uuid/scorecard").then().statusCode(404);
    }

    @Test
    void badImportsAndGradeRequestsGetClearErrors() {
        String user = Api.newAccount();
        expectImportError(user, "{\"problemId\":\"nope\",\"turns\":[{\"role\":\"candidate\",\"text\":\"hi\"}]}", "unknown_problem", "nope");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[]}", "invalid_transcript", "turns");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[{\"role\":\"robot\",\"text\":\"hi\"}]}",
                "invalid_transcript", "turns[0].role");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[{\"role\":\"candidate\",\"text\":\"  \"}]}",
                "invalid_transcript", "turns[0].text");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[{\"role\":\"interviewer\",\"text\":\"Hello\"}]}",
                "no_candidate_turn", "no candidate turn");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[{\"role\":\"candidate\",\"text\":\"x\",\"at\":\"yesterday\"}]}",
                "invalid_transcript", "turns[0].at");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"level\":\"intern\",\"turns\":[{\"role\":\"candidate\",\"text\":\"x\"}]}",
                "unknown_level", "intern");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[{\"role\":\"candidate\",\"text\":\""
                + "x".repeat(16_001) + "\"}]}", "turn_too_long", "turns[0].text");
        Api.as(user).body("{\"problemId\":\"" + PROBLEM + "\",\"level\":\"boss\"}").post("/api/interviews")
                .then().statusCode(400).body("error", equalTo("unknown_level"));

        String id = Api.as(user).body(Calibration.importBody(PROBLEM, "weak", null)).post("/api/interviews/import")
                .then().statusCode(201).extract().path("id");
        Api.as(user).body("{\"grader\":\"llm\"}").post("/api/interviews/" + id + "/grade")
                .then().statusCode(409).body("error", equalTo("llm_not_configured"));
        Api.as(user).body("{\"grader\":\"magic\"}").post("/api/interviews/" + id + "/grade")
                .then().statusCode(400).body("error", equalTo("unknown_grader"));
        Api.as(user).body("{\"level\":\"intern\"}").post("/api/interviews/" + id + "/grade")
                .then().statusCode(400).body("error", equalTo("unknown_level"));
    }

    @Test
    void bodiesNotShapedLikeTheRequestGetTheFieldNamed() {
        String user = Api.newAccount();
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[{\"role\":\"candidate\",\"text\":\"x\"},"
                + "{\"role\":\"interviewer\",\"text\":\"y\"},{\"role\":\"robot\",\"text\":\"z\"}]}", "invalid_transcript",
                "turns[2].role is 'robot'; it must be \"candidate\" or \"interviewer\".");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[{\"role\":\"candidate\",\"text\":\"x\",\"by\":\"me\"}]}",
                "invalid_transcript", "turns[0].by is not a turn field; the fields are role, text, at and stage.");
        expectImportError(user, "{\"problemId\":\"" + PROBLEM + "\",\"turns\":[],\"x\":1}", "invalid_transcript",
                "Unknown field 'x'; the fields are problemId, turns and level.");

        String id = Api.as(user).body(Calibration.importBody(PROBLEM, "weak", null)).post("/api/interviews/import")
                .then().statusCode(201).extract().path("id");
        Api.as(user).body("{\"grader\":\"offline\",\"x\":1}").post("/api/interviews/" + id + "/grade")
                .then().statusCode(400).body("error", equalTo("invalid_grade_request"))
                .body("message", equalTo("Unknown field 'x'; the fields are grader and level."));
        Api.as(user).body("[\"offline\"]").post("/api/interviews/" + id + "/grade")
                .then().statusCode(400).body("error", equalTo("invalid_grade_request"));
    }

    private static void expectImportError(String user, String body, String code, String mentions) {
        Api.as(user).body(body).post("/api/interviews/import").then().statusCode(400).body("error", equalTo(code))
                .body("message", org.hamcrest.Matchers.containsString(mentions));
    }
}
