package dev.mlsdmock.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.TestRubrics;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Stage drills and the practice plan through the real REST and WebSocket API (docs/api.md). */
@QuarkusTest
class DrillApiTest {

    private static final Rubric NEWS_FEED = TestRubrics.load("news-feed");

    @Test
    void anUnknownStageIsA400NamingTheFieldAndAFullInterviewHasNoDrill() {
        String user = Api.newAccount();
        Api.as(user).body("{\"problemId\":\"news-feed\",\"drill\":\"tuning\"}").post("/api/interviews")
                .then().statusCode(400).body("error", equalTo("invalid_drill"))
                .body("message", containsString("drill: there is no stage 'tuning'"))
                .body("message", containsString("clarify, frame, data, model, evaluate, serve, monitor"));
        String full = Api.newInterview(user, "news-feed");
        Api.as(user).get("/api/interviews/" + full).then().statusCode(200).body("drill", nullValue())
                .body("stage", equalTo("clarify"));
    }

    @Test
    void aDrillOpensItsStageEndsWhenCoveredIsGradedOnThatStageAloneAndMovesThePlan() {
        String user = Api.newAccount();
        JsonPath before = Api.as(user).get("/api/practice-plan").then().statusCode(200).extract().jsonPath();
        assertThat(before.getInt("sessions")).isZero();
        assertThat(before.getString("next[0].stage")).isEqualTo("clarify");

        String id = Api.as(user).body("{\"problemId\":\"news-feed\",\"level\":\"senior\",\"drill\":\"evaluate\"}")
                .post("/api/interviews").then().statusCode(201).body("drill", equalTo("evaluate"))
                .body("stage", equalTo("evaluate")).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            JsonNode stage = ws.awaitType("stage");
            assertThat(stage.path("stage").asText()).isEqualTo("evaluate");
            assertThat(stage.path("budgetSeconds").asLong()).isEqualTo(600);
            JsonNode open = ws.awaitInterviewerTurn();
            assertThat(open.path("stage").asText()).isEqualTo("evaluate");
            assertThat(open.path("text").asText()).startsWith("This is a drill of one step, evaluation")
                    .contains(NEWS_FEED.fact("business-goal").orElseThrow().answer().strip())
                    .endsWith("How would you know the model is good, before and after launch?");

            ws.answer("eval", NEWS_FEED.stage(Stage.EVALUATE).signals().stream()
                    .map(s -> String.join(" ", s.examples())).collect(Collectors.joining(" ")));
            ws.awaitAck("eval");
            JsonNode close = ws.awaitInterviewerTurn();
            assertThat(close.path("stage").asText()).isEqualTo("evaluate");
            assertThat(close.path("text").asText()).startsWith("That covers evaluation, which ends this drill.");
            ws.awaitType("ended");
        }
        assertThat(Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath()
                .getList("turns.stage", String.class)).containsOnly("evaluate");

        JsonPath card = awaitScorecard(user, id);
        assertThat(card.getList("stages.stage", String.class)).containsExactly("evaluate");
        assertThat(card.getList("criteria.stage", String.class)).isNotEmpty().containsOnly("evaluate");
        assertThat(card.getInt("overall")).isEqualTo(card.getInt("stages[0].score"));
        assertThat(card.getString("recommendation")).isNull();
        assertThat(card.getString("drill.stage")).isEqualTo("evaluate");
        assertThat(card.getString("drill.verdict")).isIn("above-bar", "at-bar", "below-bar");
        assertThat(card.getInt("drill.bar")).isEqualTo(NEWS_FEED.expectations().get(dev.mlsdmock.rubric.Level.SENIOR).hire());
        assertThat(card.getString("drill.summary")).startsWith("Drill of one step: " + card.getInt("overall") + "/100, ");

        JsonPath after = Api.as(user).get("/api/practice-plan").then().statusCode(200).extract().jsonPath();
        assertThat(after.getInt("sessions")).isEqualTo(1);
        Map<String, Object> evaluate = after.getMap("schedule.find { it.stage == 'evaluate' }");
        assertThat(evaluate).containsEntry("drills", 1).containsEntry("intervalDays", 1)
                .containsEntry("average", card.getInt("overall")).containsEntry("problemId", "news-feed");
        Instant drilled = Instant.parse((String) evaluate.get("lastDrilled"));
        assertThat(Instant.parse((String) evaluate.get("due"))).isEqualTo(drilled.plus(Duration.ofDays(1)));
        List<String> next = after.getList("next.stage", String.class);
        assertThat(next).doesNotContain("evaluate").containsExactly("clarify", "frame", "data");
        assertThat(after.getString("next[0].reason")).contains("has no graded answer yet");
    }

    @Test
    void aCoachModeDrillHintsAtTheDrilledStage() {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"news-feed\",\"mode\":\"coach\",\"drill\":\"serve\"}")
                .post("/api/interviews").then().statusCode(201).body("mode", equalTo("coach")).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            assertThat(ws.awaitInterviewerTurn().path("text").asText()).startsWith("This is a drill of one step, deployment and serving");
            ws.sendType("hint");
            JsonNode hint = ws.awaitInterviewerTurn();
            assertThat(hint.path("kind").asText()).isEqualTo("hint");
            assertThat(hint.path("stage").asText()).isEqualTo("serve");
            ws.sendType("end");
            ws.awaitType("ended");
        }
    }

    private static JsonPath awaitScorecard(String user, String id) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Api.as(user).get("/api/interviews/" + id + "/scorecard").then().extract().statusCode() == 200);
        return Api.as(user).get("/api/interviews/" + id + "/scorecard").then().statusCode(200).extract().jsonPath();
    }
}
