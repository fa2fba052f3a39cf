package dev.mlsdmock.interviewer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.FakeOpenAiStreamingServer;
import dev.mlsdmock.support.FakeReply;
import dev.mlsdmock.support.WsClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LLM reply starts while the answer is written: the model request does not wait for the interview's lock or the
 * commit, the echo still comes before the reply's first word, and a reply planned from a picture that another
 * writer made stale is dropped unseen and planned again. The test holds the interview's row lock from a connection
 * of its own, so the order of events is fixed, not a race.
 */
@QuarkusTest
@TestProfile(OpenAiInterviewerProfile.class)
class ReplyBesideWriteTest {

    private static final FakeOpenAiStreamingServer MODEL = FakeOpenAiStreamingServer.shared();

    @Inject
    AgroalDataSource db;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanFake() {
        MODEL.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void theModelRequestLeavesBeforeTheAnswerIsStoredAndItsWordsFollowTheEcho() throws Exception {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"news-feed\"}").post("/api/interviews")
                .then().statusCode(201).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            MODEL.enqueue(FakeReply.text("Fine. ", "What is the latency budget ", "you would aim for?"));
            try (Connection lock = lockInterview(id)) {
                ws.answer("w1", "I would rank the feed by predicted engagement.");
                // The request arrives while the answer's write still waits for the lock this test holds.
                await().atMost(Duration.ofSeconds(20)).until(() -> MODEL.requests().size() == 2);
                assertThat(MODEL.lastRequest().body().toString()).contains("I would rank the feed by predicted engagement.");
                assertThat(ws.seen()).noneMatch(f -> "w1".equals(f.path("clientId").asText()))
                        .noneMatch(f -> "delta".equals(f.path("type").asText()) && f.path("seq").asInt() > 1);
                lock.commit();
            }
            JsonNode reply = ws.awaitInterviewerTurn();
            assertThat(reply.path("text").asText()).isEqualTo("Fine. What is the latency budget you would aim for?");
            List<JsonNode> frames = ws.seen();
            int echo = indexOf(frames, f -> "w1".equals(f.path("clientId").asText()));
            int firstDelta = indexOf(frames, f -> "delta".equals(f.path("type").asText()) && f.path("seq").asInt() == 3);
            assertThat(echo).as("the echo of the answer").isNotNegative();
            assertThat(firstDelta).as("the reply's first word").isGreaterThan(echo);
        }
        assertThat(MODEL.requests()).hasSize(2);
    }

    @Test
    void aReplyPlannedBeforeAnotherWritersTurnIsDroppedUnseenAndPlannedAgain() throws Exception {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"news-feed\"}").post("/api/interviews")
                .then().statusCode(201).extract().path("id");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            MODEL.enqueue(FakeReply.text("Stale words ", "nobody may see."),
                    FakeReply.text("Thanks. ", "How many users ", "open the feed daily?"));
            try (Connection lock = lockInterview(id)) {
                ws.answer("w2", "I would start from the business goal.");
                await().atMost(Duration.ofSeconds(20)).until(() -> MODEL.requests().size() == 2);
                // Another instance stores a turn first: the answer will not be turn 2 as the reply assumed.
                insertInterviewerTurn(lock, id, 2, "Before you go on: the feed must also work offline.");
                lock.commit();
            }
            JsonNode reply = ws.awaitInterviewerTurn();
            assertThat(reply.path("text").asText()).isEqualTo("Thanks. How many users open the feed daily?");
            assertThat(ws.seen()).noneMatch(f -> f.path("text").asText().contains("Stale"));
            List<JsonNode> frames = ws.seen();
            int echo = indexOf(frames, f -> "w2".equals(f.path("clientId").asText()));
            assertThat(frames.get(echo).path("seq").asInt()).as("the answer's place after the other turn").isEqualTo(3);
            assertThat(indexOf(frames, f -> "delta".equals(f.path("type").asText()) && f.path("seq").asInt() == 4))
                    .isGreaterThan(echo);
        }
        assertThat(MODEL.requests()).hasSize(3);
        assertThat(MODEL.lastRequest().body().toString()).contains("the feed must also work offline");
    }

    private Connection lockInterview(String id) throws Exception {
        Connection c = db.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("select id from interview where id = ? for update")) {
            s.setObject(1, UUID.fromString(id));
            s.executeQuery().close();
        }
        return c;
    }

    private static void insertInterviewerTurn(Connection c, String id, int seq, String text) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into turn (interview_id, seq, role, stage, body, spoken_at, "
                + "kind, source) values (?, ?, 'INTERVIEWER', 'clarify', ?, ?, 'KEEP_GOING', 'offline')")) {
            s.setObject(1, UUID.fromString(id));
            s.setInt(2, seq);
            s.setString(3, text);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private static int indexOf(List<JsonNode> frames, Predicate<JsonNode> match) {
        for (int i = 0; i < frames.size(); i++) {
            if (match.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
