package dev.mlsdmock.browser;

import dev.mlsdmock.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A diagram save or an answer refused for going too fast ({@code rate_limited}): the page knows which by the error
 * frame's clientId, says so, keeps the text, and sends it by itself once the refusal's retryAfterSeconds have
 * passed, with no reconnect.
 */
@QuarkusTest
@TestProfile(BrowserDiagramLimitTest.Profile.class)
class BrowserDiagramLimitTest {

    /** One save and one answer at once, then one of each every 3 seconds. */
    public static class Profile extends BrowserProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("limits.diagrams-per-account-capacity", "1",
                    "limits.diagrams-per-account-refill-per-minute", "20",
                    "limits.answers-per-account-capacity", "1",
                    "limits.answers-per-account-refill-per-minute", "20");
        }
    }

    private static final String FIRST = "flowchart LR\n  U[User events] --> R[Ranker]";
    private static final String SECOND = "flowchart LR\n  U[User events] --> FS[(Feature store)]\n  FS --> R[Ranker]";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSaveRefusedForGoingTooFastPausesSavingAndSavesByItselfAfterTheWait() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "video-recommendation");
        try (Browser b = Browser.laptop(base)) {
            b.logIn(user, Api.PASSWORD);
            b.open("/interview.html?id=" + id);
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");

            type(b, FIRST);
            b.find("#diagram-save").click();
            b.await(d -> b.find("#diagram-status").getText().startsWith("Saved · version 1"), "version 1 saved");

            type(b, SECOND);
            b.find("#diagram-save").click();
            String paused = b.await(d -> {
                String status = b.find("#diagram-status").getText();
                return status.startsWith("Saving paused") ? status : null;
            }, "saving paused");
            assertThat(paused).matches("Saving paused: too many saves in a short time\\. Retrying in [1-3]s \\(your text is kept\\)\\.");
            assertThat(b.find("#error").isDisplayed()).as("the pane says it; no error box").isFalse();
            String kept = String.valueOf(b.script("return localStorage.getItem(arguments[0])", "mlsd.diagram.draft." + id));
            assertThat(kept).isEqualTo(SECOND);
            b.screenshot("diagram-limit-01-paused");

            // No reconnect, no click: the version is saved when the wait is over.
            b.await(d -> b.find("#diagram-status").getText().startsWith("Saved · version 2"), "version 2 saved by itself");
            assertThat(b.find("#conn").getAttribute("data-state")).isEqualTo("connected");
            assertThat(b.find("#diagram-text").getAttribute("value")).isEqualTo(SECOND);
            assertThat(b.script("return localStorage.getItem(arguments[0])", "mlsd.diagram.pending." + id)).isNull();
            assertThat(BrowserDiagramTest.consoleErrors(b)).isEmpty();
        }
        // Both versions are stored, once each.
        assertThat(Api.as(user).get("/api/interviews/" + id).jsonPath().getList("turns.findAll { it.kind == 'diagram' }.text"))
                .containsExactly(FIRST, SECOND);
    }

    @Test
    void anAnswerRefusedForGoingTooFastStaysWaitingAndIsSentByItselfAfterTheWait() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        String first = "How many daily active users open the feed?";
        String second = "And what latency budget do we have for ranking?";
        try (Browser b = Browser.laptop(base)) {
            b.logIn(user, Api.PASSWORD);
            b.open("/interview.html?id=" + id);
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");

            b.answer(first);
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='3']");
            b.answer(second);
            String notice = b.await(d -> {
                String text = b.find("#notice").getText();
                return text.startsWith("Too many answers") ? text : null;
            }, "the answer is waiting");
            assertThat(notice).matches("Too many answers in a short time\\. Your answer is kept and sent again in [1-3] s\\.");
            assertThat(b.find("#error").isDisplayed()).as("a wait, not an error").isFalse();
            assertThat(b.findAll("#conversation li.pending")).as("the answer still waiting").hasSize(1);
            b.screenshot("answer-limit-01-waiting");

            // No reconnect, no click: the answer is stored and answered when the wait is over.
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='5']");
            assertThat(b.findAll("#conversation li.pending")).isEmpty();
            assertThat(b.find("#notice").isDisplayed()).as("the notice went with the wait").isFalse();
            assertThat(b.find("#conn").getAttribute("data-state")).isEqualTo("connected");
            assertThat(b.script("return localStorage.getItem(arguments[0])", "mlsd.pending." + id)).isNull();
            assertThat(BrowserDiagramTest.consoleErrors(b)).isEmpty();
        }
        assertThat(Api.as(user).get("/api/interviews/" + id).jsonPath().getList("turns.findAll { it.role == 'candidate' }.text"))
                .containsExactly(first, second);
    }


    private static void type(Browser b, String text) {
        WebElement area = b.find("#diagram-text");
        area.clear();
        area.sendKeys(text);
    }
}
