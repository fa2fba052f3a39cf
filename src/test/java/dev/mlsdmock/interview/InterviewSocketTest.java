package dev.mlsdmock.interview;

import dev.mlsdmock.flow.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class InterviewSocketTest {

    private static final List<String> STAGES = List.of("clarify", "frame", "data", "model", "evaluate", "serve", "monitor");

    @Inject
    RubricRegistry rubrics;

    @Test
    void wholeInterviewRunsThroughAllSevenStagesToEnded() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "ad-click-prediction");
        List<String> stagesSeen = new ArrayList<>();
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            JsonNode stage = ws.awaitType("stage");
            assertThat(stage.path("stage").asText()).isEqualTo("clarify");
            assertThat(stage.path("index").asInt()).isEqualTo(1);
            assertThat(stage.path("remainingSeconds").asLong()).isBetween(250L, 300L);
            stagesSeen.add("clarify");

            JsonNode opening = ws.awaitInterviewerTurn();
            assertThat(opening.path("seq").asInt()).isEqualTo(1);
            assertThat(opening.path("text").asText()).contains("ads").contains("45 minutes");
            assertThat(questionsIn(opening.path("text").asText())).isEqualTo(1);

            int answers = 0;
            boolean ended = false;
            while (!ended) {
                assertThat(answers).as("answers needed to finish").isLessThan(60);
                String current = stagesSeen.get(stagesSeen.size() - 1);
                String clientId = UUID.randomUUID().toString();
                ws.answer(clientId, AnswerBook.answerFor(current, answers));
                answers++;
                JsonNode ack = ws.awaitAck(clientId);
                assertThat(ack.path("role").asText()).isEqualTo("candidate");
                assertThat(ack.path("stage").asText()).isEqualTo(current);
                JsonNode next = ws.await(f -> f.path("type").asText().equals("stage")
                        || (f.path("type").asText().equals("turn") && f.path("role").asText().equals("interviewer")), "reply");
                if (next.path("type").asText().equals("stage")) {
                    stagesSeen.add(next.path("stage").asText());
                    assertThat(next.path("index").asInt()).isEqualTo(stagesSeen.size());
                    next = ws.awaitInterviewerTurn();
                    assertThat(next.path("stage").asText()).isEqualTo(stagesSeen.get(stagesSeen.size() - 1));
                }
                String text = next.path("text").asText();
                if (text.contains("all seven steps")) {
                    // The interview ran well within its time: the closing must not say the time is up.
                    assertThat(text).doesNotContain("end of the time");
                    ws.awaitType("ended");
                    ended = true;
                } else {
                    assertThat(questionsIn(text)).as("questions in: " + text).isEqualTo(1);
                }
            }
        }
        assertThat(stagesSeen).containsExactlyElementsOf(STAGES);

        JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("status")).isEqualTo("ended");
        assertThat(stored.getString("endedAt")).isNotNull();
        List<Integer> seqs = stored.getList("turns.seq", Integer.class);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1);
        }
        assertThat(stored.getList("turns.stage", String.class)).containsAll(STAGES);
        assertThat(stored.getList("turns.at", String.class)).doesNotContainNull();
    }

    @Test
    void clarifyingQuestionRevealsOnlyTheFactAsked() {
        Rubric rubric = rubrics.find("ad-click-prediction").orElseThrow();
        Rubric.Fact scale = rubric.facts().stream().filter(f -> f.topic().id().equals("scale")).findFirst().orElseThrow();
        Rubric.Fact latency = rubric.facts().stream().filter(f -> f.topic().id().equals("latency")).findFirst().orElseThrow();
        String user = Api.newAccount();
        String id = Api.newInterview(user, "ad-click-prediction");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer("q1", scale.questions().get(0));
            ws.awaitAck("q1");
            String reply = ws.awaitInterviewerTurn().path("text").asText();
            assertThat(reply).contains(scale.answer()).doesNotContain(latency.answer());
            assertThat(questionsIn(reply)).isEqualTo(1);
        }
    }

    @Test
    void reSentAnswerIsStoredOnceAndAcknowledgedAgain() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer("same-id", "We have about two billion users.");
            JsonNode first = ws.awaitAck("same-id");
            ws.awaitInterviewerTurn();
            ws.answer("same-id", "We have about two billion users.");
            JsonNode again = ws.awaitAck("same-id");
            assertThat(again.path("seq").asInt()).isEqualTo(first.path("seq").asInt());
        }
        List<String> clientIds = Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .extract().jsonPath().getList("turns.clientId", String.class);
        assertThat(clientIds.stream().filter("same-id"::equals)).hasSize(1);
    }

    @Test
    void reconnectingClientGetsStageAndEveryStoredTurn() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.answer("a1", "What is the business goal of the homepage recommendations?");
            ws.awaitAck("a1");
            ws.awaitInterviewerTurn();
        }
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            assertThat(ws.awaitType("stage").path("stage").asText()).isEqualTo("clarify");
            assertThat(ws.awaitType("turn").path("seq").asInt()).isEqualTo(1);
            assertThat(ws.awaitType("turn").path("clientId").asText()).isEqualTo("a1");
            assertThat(ws.awaitType("turn").path("seq").asInt()).isEqualTo(3);
            // no new opening for an interview that has one
            ws.answer("a2", "Let's move on to the next step.");
            ws.awaitAck("a2");
            assertThat(ws.awaitType("stage").path("stage").asText()).isEqualTo("frame");
        }
    }

    @Test
    void anAnswerStoredJustBeforeACrashGetsItsReplyOnReconnect() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "event-recommendation");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
        }
        // What the server leaves behind when it dies between storing an answer and replying to it.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Turn.candidate(UUID.fromString(id), 2, Stage.CLARIFY, "How many events are created per day?",
                    java.time.Instant.now(), "orphan", Set.of()).persist();
        });
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitAck("orphan");
            JsonNode reply = ws.awaitInterviewerTurn();
            assertThat(reply.path("seq").asInt()).isEqualTo(3);
        }
    }

    @Test
    void advanceFrameMovesToTheNextStageAndEndFrameEndsTheInterview() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "visual-search");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.sendType("advance");
            JsonNode stage = ws.awaitType("stage");
            assertThat(stage.path("stage").asText()).isEqualTo("frame");
            assertThat(ws.awaitInterviewerTurn().path("stage").asText()).isEqualTo("frame");
            ws.sendType("end");
            JsonNode closing = ws.awaitInterviewerTurn();
            assertThat(closing.path("text").asText()).contains("stop here");
            ws.awaitType("ended");
            ws.sendType("end");
            ws.awaitType("ended");
        }
        Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ended"));
    }

    @Test
    void badFramesGetErrorsAndTheConnectionStaysUsable() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.send("{not json");
            assertThat(assertError(ws, "malformed_json").has("clientId")).isFalse();
            ws.send("[1,2]");
            assertError(ws, "malformed_frame");
            ws.send("{\"type\":\"dance\"}");
            assertError(ws, "unknown_type");
            ws.answer("e1", "   ");
            assertThat(assertError(ws, "empty_answer").path("clientId").asText()).isEqualTo("e1");
            ws.answer("e2", "x".repeat(8001));
            assertThat(assertError(ws, "answer_too_long").path("clientId").asText()).isEqualTo("e2");
            ws.send("{\"type\":\"answer\",\"text\":\"no client id\"}");
            assertError(ws, "invalid_client_id");
            ws.answer("ok", "x".repeat(8000));
            assertThat(ws.awaitAck("ok").path("text").asText()).hasSize(8000);
            ws.awaitInterviewerTurn();
            ws.sendType("end");
            ws.awaitType("ended");
            ws.answer("late", "One more thing.");
            assertError(ws, "interview_ended");
        }
        JsonPath stored = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("turns.clientId", String.class)).containsOnlyOnce("ok").doesNotContain("e1", "e2", "late");
        assertThat(stored.getList("turns").size()).isEqualTo(4);
    }

    @Test
    void anotherUsersInterviewIsNotFoundOnTheSocket() {
        String owner = Api.newAccount();
        String stranger = Api.newAccount();
        String id = Api.newInterview(owner, "news-feed");
        assertThat(WsClient.refusedStatus(Api.wsUri(id), stranger, Api.PASSWORD)).isEqualTo(404);
        assertThat(WsClient.refusedStatus(Api.wsUri(UUID.randomUUID().toString()), owner, Api.PASSWORD)).isEqualTo(404);
        assertThat(WsClient.refusedStatus(Api.wsUri("not-a-uuid"), owner, Api.PASSWORD)).isEqualTo(404);
        assertThat(WsClient.refusedStatus(Api.wsUri(id), owner, "wrong-password")).isEqualTo(401);
    }

    private static JsonNode assertError(WsClient ws, String code) {
        JsonNode error = ws.awaitType("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        return error;
    }

    static long questionsIn(String text) {
        return text.chars().filter(c -> c == '?').count();
    }
}
