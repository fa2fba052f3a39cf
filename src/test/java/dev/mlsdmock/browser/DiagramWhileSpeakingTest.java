package dev.mlsdmock.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A diagram saved (from another tab) while the interviewer's reply is still streaming does not take the turn away
 * from the interviewer: the reply is stored after the diagram, one seq later, instead of being dropped. Runs with the
 * browser tests' streaming interviewer, whose stream a test can hold half-way.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class DiagramWhileSpeakingTest {

    @Inject
    StreamGate gate;

    @Test
    void theReplyStreamedDuringADiagramSaveIsStoredAfterIt() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        try (WsClient tab = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            tab.awaitInterviewerTurn();
            theReplyWaitsForNoDiagram(user, id, tab);
        }
        assertThat(Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath()
                .getList("turns.role", String.class)).containsExactly("interviewer", "candidate", "candidate", "interviewer");
    }

    private void theReplyWaitsForNoDiagram(String user, String id, WsClient tab) {
        try (WsClient other = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            other.awaitInterviewerTurn(); // the opening, replayed
            gate.hold();
            try {
                tab.answer(UUID.randomUUID().toString(), "How many daily active users are there?");
                JsonNode delta = tab.awaitType("delta");
                assertThat(delta.path("seq").asInt()).isEqualTo(3);
                String clientId = UUID.randomUUID().toString();
                other.send(BrowserDiagramTest.diagramFrame(clientId,
                        "flowchart LR\n  FS[(Feature store)] --> R[Ranker]"));
                assertThat(other.awaitAck(clientId).path("seq").asInt()).isEqualTo(3);
            } finally {
                gate.release();
            }
            JsonNode reply = tab.awaitInterviewerTurn();
            assertThat(reply.path("seq").asInt()).isEqualTo(4);
        }
    }
}
