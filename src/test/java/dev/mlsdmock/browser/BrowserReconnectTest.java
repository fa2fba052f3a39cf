package dev.mlsdmock.browser;

import dev.mlsdmock.interview.InterviewSocket;
import dev.mlsdmock.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server drops the page's WebSocket (as a restart or a network cut would) and refuses to take it back for a
 * while: what the candidate had typed stays in the box, an answer sent meanwhile waits and survives a page reload,
 * and after the reconnect it is delivered exactly once and the conversation catches up.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserReconnectTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    OpenConnections connections;

    @Inject
    UpgradeGate upgrades;

    @AfterEach
    void reopen() {
        upgrades.open();
    }

    @Test
    void droppedConnectionLosesNeitherTypedNorSentAnswers() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        String typed = "Half-typed thought about how many posts a user sees per session";
        String sent = "How many daily active users does the feed serve, and what latency do we have for ranking?";
        try (Browser b = Browser.laptop(base)) {
            b.logIn(user, Api.PASSWORD);
            b.open("/interview.html?id=" + id);
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");
            b.find("#answer").sendKeys(typed);

            upgrades.close();
            dropServerConnections();
            b.await(d -> "reconnecting".equals(b.find("#conn").getAttribute("data-state")), "the page noticing the drop");
            assertThat(b.find("#answer").getAttribute("value")).isEqualTo(typed);
            assertThat(b.find("#advance").isEnabled()).isFalse();

            // Send while disconnected: the answer waits, marked as not sent, and the box is free for the next one.
            b.find("#answer").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            b.find("#answer").sendKeys(sent, Keys.chord(Keys.CONTROL, Keys.ENTER));
            assertThat(b.awaitVisible("#conversation li.pending").getText()).contains(sent).contains("not sent yet");
            b.find("#answer").sendKeys(typed);
            b.screenshot("20-interview-disconnected");

            // Even a reload keeps the waiting answer and the draft.
            b.driver().navigate().refresh();
            assertThat(b.awaitVisible("#conversation li.pending").getText()).contains(sent);
            b.await(d -> typed.equals(b.find("#answer").getAttribute("value")), "the draft restored after a reload");

            upgrades.open();
            b.find("#retry").click();
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "reconnected");
            b.await(d -> b.findAll("#conversation li.pending").isEmpty()
                    && b.findAll("#conversation li.turn.candidate").stream().anyMatch(e -> e.getText().contains(sent)),
                    "the waiting answer acknowledged");
            b.await(d -> b.findAll("#conversation li.turn.interviewer:not(.streaming)").size() >= 2, "the interviewer's reply");
            assertThat(b.find("#answer").getAttribute("value")).isEqualTo(typed);
            b.screenshot("21-interview-reconnected");
        }
        List<String> texts = Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .extract().jsonPath().getList("turns.text", String.class);
        assertThat(texts.stream().filter(sent::equals)).as("the answer stored exactly once").hasSize(1);
        assertThat(texts).doesNotContain(typed);
    }

    private void dropServerConnections() {
        connections.findByEndpointId(InterviewSocket.class.getName())
                .forEach(c -> c.closeAndAwait(new CloseReason(1001, "server going away")));
    }
}
