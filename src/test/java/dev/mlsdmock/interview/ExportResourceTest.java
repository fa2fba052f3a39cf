package dev.mlsdmock.interview;

import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ExportResourceTest {

    @Test
    void exportsTheTranscriptAsMarkdownAndJson() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer("a1", "How many users? <script>alert(1)</script> & what latency?");
            ws.awaitAck("a1");
            ws.awaitInterviewerTurn();
        }

        Response md = Api.as(user).get("/api/interviews/" + id + "/export?format=md");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.getHeader("Content-Disposition")).startsWith("attachment; filename=\"interview-news-feed-").endsWith(".md\"");
        assertThat(md.asString())
                .startsWith("# Mock interview: Personalised news feed\n")
                .contains("## 1. Clarify requirements")
                // The first turn is stored as the interview opens: 0:00, or a few seconds on a loaded machine.
                .containsPattern("\\*\\*Interviewer\\*\\* · 0:0\\d · turn 1\\n")
                .contains("**Candidate** · ")
                .contains("> How many users? &lt;script>alert(1)&lt;/script> &amp; what latency?")
                .doesNotContain("<script>");

        Api.as(user).get("/api/interviews/" + id + "/export?format=json").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.endsWith(".json\""))
                .body("id", equalTo(id))
                .body("problemTitle", equalTo("Personalised news feed"))
                .body("turns.size()", equalTo(3))
                .body("turns[1].role", equalTo("candidate"))
                .body("turns[1].clientId", equalTo("a1"))
                .body("turns[1].text", equalTo("How many users? <script>alert(1)</script> & what latency?"))
                .body("$", org.hamcrest.Matchers.hasKey("drill"))
                .body("drill", org.hamcrest.Matchers.nullValue());
        assertThat(md.asString()).doesNotContain("Stage drill");
        // Markdown is the default format.
        assertThat(Api.as(user).get("/api/interviews/" + id + "/export").contentType()).startsWith("text/markdown");
    }

    @Test
    void aCoachModeHintIsMarkedAsAHintInBothFormats() {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"news-feed\",\"mode\":\"coach\"}").post("/api/interviews")
                .then().statusCode(201).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.sendType("hint");
            ws.awaitInterviewerTurn();
        }
        assertThat(Api.as(user).get("/api/interviews/" + id + "/export?format=md").asString())
                .containsPattern("\\*\\*Interviewer\\*\\* · 0:0\\d · turn 1\\n")
                .containsPattern("\\*\\*Interviewer · hint\\*\\* · \\d+:\\d\\d · turn 2\\n\\n> A hint:");
        Api.as(user).get("/api/interviews/" + id + "/export?format=json").then().statusCode(200)
                .body("turns.size()", equalTo(2))
                .body("turns[0].kind", org.hamcrest.Matchers.nullValue())
                .body("turns[1].kind", equalTo("hint"));
    }

    @Test
    void aStageDrillSaysWhichStepItDrillsInBothFormats() {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"news-feed\",\"drill\":\"evaluate\"}").post("/api/interviews")
                .then().statusCode(201).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
        }
        assertThat(Api.as(user).get("/api/interviews/" + id + "/export?format=md").asString())
                .contains("- Problem: `news-feed`\n- Stage drill: a drill of step 5, Evaluation (`evaluate`), alone\n")
                .contains("## 5. Evaluation");
        Api.as(user).get("/api/interviews/" + id + "/export?format=json").then().statusCode(200)
                .body("drill", equalTo("evaluate"))
                .body("turns[0].stage", equalTo("evaluate"));
    }

    @Test
    void unknownFormatOtherAccountsAndAnonymousAreRefused() {
        String owner = Api.newAccount();
        String id = Api.newInterview(owner, "visual-search");
        Api.as(owner).get("/api/interviews/" + id + "/export?format=pdf").then().statusCode(400)
                .body("error", equalTo("unknown_format"));
        Api.as(Api.newAccount()).get("/api/interviews/" + id + "/export?format=md").then().statusCode(404)
                .body("error", equalTo("interview_not_found"));
        Api.as(owner).get("/api/interviews/not-a-uuid/export").then().statusCode(404);
        RestAssured.given().get("/api/interviews/" + id + "/export").then().statusCode(401);
    }
}
