package dev.mlsdmock.browser;

import dev.mlsdmock.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser product end to end in headless Chromium: sign up, start an interview, answer through the stages with
 * the offline interviewer (streamed as the LLM one would), watch the stage bar move, end, replay and export.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserInterviewTest {

    private static final List<String> STAGES = List.of("clarify", "frame", "data", "model", "evaluate", "serve", "monitor");
    /** Substantive answers for ad click prediction, so the offline grader finds evidence to quote. */
    private static final Map<String, List<String>> ANSWERS = Map.of(
            "frame", List.of("I would frame it as binary classification: predict the probability that a user clicks an "
                    + "ad impression, and rank ads by predicted click-through rate times bid, because that maximises expected revenue."),
            "data", List.of("Training data comes from impression and click logs; a click within a short window after an "
                    + "impression is a positive label. Clicks are rare, so I would downsample negatives and recalibrate "
                    + "the probabilities afterwards."),
            "model", List.of("I'd start with logistic regression on hashed cross features as a baseline, then move to a "
                    + "deep and cross network; the trade-off is accuracy versus serving cost and training time."),
            "evaluate", List.of("Offline I'd use normalised cross entropy and ROC AUC on a time-based split, plus "
                    + "calibration. Online I'd run an A/B test on click-through rate and revenue per thousand impressions."),
            "serve", List.of("Serving is two stages: candidate generation retrieves a few thousand eligible ads, then a "
                    + "lightweight ranker scores them within the 50 millisecond budget, with cached features."),
            "monitor", List.of("I'd monitor feature distributions for drift and calibration, alert on CTR drops, and "
                    + "retrain daily because ads and interests change fast; I'd watch for feedback loops too."));
    private static final String SCRIPT_ANSWER = "<script>window.__pwned = true</script><b>not bold</b> I'd ask about scale.";

    @TestHTTPResource("/")
    URL base;

    @Inject
    StreamGate gate;

    @Test
    void signUpPractiseEndReplayAndExport() {
        String username = "e2e" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser b = Browser.laptop(base)) {
            b.open("/");
            b.await(d -> b.currentPath().startsWith("/login.html"), "the login page for a visitor without a session");
            b.awaitVisible("#signup-username");
            b.screenshot("01-login");

            b.find("#signup-username").sendKeys(username);
            b.find("#signup-password").sendKeys(Api.PASSWORD);
            b.find("#signup-submit").click();
            b.await(d -> b.currentPath().equals("/"), "the home page after signing up");
            assertThat(b.awaitVisible("#who").getText()).isEqualTo(username);
            b.await(d -> b.findAll("#problems input[name=problem]").size() == 10, "ten problems");
            assertThat(b.find("#past").getText()).contains("No interviews yet");
            b.screenshot("02-home-new-user");

            b.find("label[for=problem-ad-click-prediction]").click();
            b.find("label[for=level-staff]").click();
            b.find("#start").click();
            b.await(d -> b.currentPath().startsWith("/interview.html?id="), "the interview page");
            String id = b.currentPath().substring("/interview.html?id=".length());

            WebElement opening = b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            assertThat(opening.getText()).contains("45 minutes");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");
            assertCurrentStage(b, "clarify");
            assertThat(b.find("#clock").getText()).matches("\\d+:\\d\\d left");
            b.screenshot("03-interview-opening");

            // A reply streams in: hold it half-way and look at the page.
            gate.hold();
            String streamedReplySeq;
            try {
                b.answer("What is the business goal, and how many daily active users and requests per second do we expect?");
                WebElement streaming = b.awaitVisible("#conversation li.turn.interviewer.streaming");
                streamedReplySeq = streaming.getAttribute("data-seq");
                assertThat(streaming.getText()).contains("typing");
                b.screenshot("04-interview-streaming");
            } finally {
                gate.release();
            }
            b.await(d -> b.findAll("#conversation li.streaming").isEmpty()
                    && !b.findAll("#conversation li.turn.interviewer[data-seq='" + streamedReplySeq + "']").isEmpty(),
                    "the streamed reply completed");

            // Candidate text is data: shown as typed, never run or rendered.
            b.answer(SCRIPT_ANSWER);
            WebElement scriptTurn = b.await(d -> b.findAll("#conversation li.turn.candidate:not(.pending)").stream()
                    .filter(e -> e.getText().contains("window.__pwned")).findFirst().orElse(null), "the <script> answer echoed");
            assertThat(scriptTurn.findElement(By.cssSelector(".text")).getText()).isEqualTo(SCRIPT_ANSWER);
            assertThat(scriptTurn.findElements(By.tagName("b"))).isEmpty();
            assertThat(scriptTurn.findElements(By.tagName("script"))).isEmpty();
            assertThat(b.script("return window.__pwned === undefined")).isEqualTo(true);
            awaitInterviewerReplyAfterLastAnswer(b);

            // Through the stages: answers in each, then "Next stage" if the interviewer has not moved on; the bar follows.
            for (int i = 1; i < STAGES.size(); i++) {
                String stage = STAGES.get(i);
                if (!currentStage(b).equals(stage)) {
                    b.find("#advance").click();
                    b.await(d -> stage.equals(currentStage(b)), "stage " + stage);
                }
                for (String text : ANSWERS.get(stage)) {
                    if (!currentStage(b).equals(stage)) {
                        break;
                    }
                    b.answer(text);
                    awaitInterviewerReplyAfterLastAnswer(b);
                }
                if (stage.equals("model")) {
                    b.screenshot("05-interview-mid-way");
                }
            }
            assertCurrentStage(b, "monitor");
            assertThat(b.findAll("#stagebar li.done")).hasSize(6);

            if (!b.find("#ended").isDisplayed()) { // the interviewer closes by itself once monitoring is covered
                b.find("#end").click();
                b.awaitVisible("#end-dialog");
                b.screenshot("06-interview-end-dialog");
                b.find("#end-confirm").click();
            }
            b.awaitVisible("#ended");
            assertThat(b.find("#end").isEnabled()).isFalse();
            b.screenshot("07-interview-ended");
            assertThat(b.consoleErrors()).as("browser console on the interview page").isEmpty();

            // The scorecard: grading runs in the background and the page updates by itself.
            b.find("#scorecard-link").click();
            b.await(d -> b.currentPath().startsWith("/scorecard.html"), "the scorecard page");
            b.awaitVisible("#card");
            assertThat(b.find("#overall").getText()).matches("\\d+\\s*/ 100");
            assertThat(b.find("#recommendation").getText()).contains("for a Staff role");
            assertThat(b.find("#grader").getText()).contains("Graded by offline").contains("rubric ad-click-prediction");
            assertThat(b.findAll("#chart svg rect.bar")).hasSize(7);
            assertThat(b.findAll("#criteria .criterion")).isNotEmpty();
            // Issue 10: each criterion says what the candidate showed, and keeps "what a 3 looks like" apart.
            assertThat(b.findAll("#criteria .criterion .shown")).isNotEmpty();
            assertThat(b.findAll("#criteria .criterion details.target")).isNotEmpty();
            b.screenshot("08-scorecard");
            WebElement quote = b.awaitVisible("#criteria a.quote");
            String quotedSeq = quote.getAttribute("data-seq");
            quote.click();
            b.await(d -> b.currentPath().startsWith("/replay.html") && b.currentPath().endsWith("seq=" + quotedSeq), "the replay at the quote");
            WebElement quoted = b.awaitVisible("#transcript li.turn.current[data-seq='" + quotedSeq + "']");
            assertThat(quoted.getAttribute("class")).contains("evidence").contains("candidate");
            assertThat(quoted.findElements(By.tagName("mark"))).isNotEmpty();
            b.screenshot("09-replay-at-evidence");
            assertThat(b.consoleErrors()).as("browser console on the scorecard and replay pages").isEmpty();

            // Home lists it as ended.
            b.open("/");
            WebElement row = b.awaitVisible("#past tr[data-interview='" + id + "']");
            assertThat(row.getText()).contains("Ad click prediction").contains("Ended").containsPattern("\\d+/100");
            assertThat(b.awaitVisible("#weakest").getText()).startsWith("Weakest step:");
            assertThat(b.findAll("#progress-chart svg rect.bar")).hasSize(7);
            b.screenshot("10-home-with-progress");

            // Replay: jump to a stage, step, play at 4x to the end; the <script> answer is text here too.
            b.open("/replay.html?id=" + id);
            b.awaitVisible("#transcript li.turn[data-seq='1']");
            b.screenshot("11-replay-start");
            b.find("#stage-jump button[data-stage='model']").click();
            WebElement current = b.awaitVisible("#transcript li.turn.current");
            assertThat(current.getText()).contains("turn");
            String modelSeq = current.getAttribute("data-seq");
            b.find("#forward").click();
            b.await(d -> Integer.parseInt(b.find("#transcript li.turn.current").getAttribute("data-seq"))
                    == Integer.parseInt(modelSeq) + 1, "one turn forward");
            b.find("#back").click();
            b.await(d -> modelSeq.equals(b.find("#transcript li.turn.current").getAttribute("data-seq")), "one turn back");
            b.find("label[for=speed-4]").click();
            b.find("#play").click();
            b.await(d -> b.find("#play").getText().contains("Play")
                    && b.findAll("#transcript li.turn").size() == turnCount(id, username), "played to the end");
            assertThat(b.find("#transcript").getText()).contains("<script>window.__pwned = true</script>");
            assertThat(b.script("return window.__pwned === undefined")).isEqualTo(true);
            b.screenshot("12-replay-end");

            // Export as Markdown, with the session of the page.
            String href = b.find("#export-md").getAttribute("href");
            String markdown = (String) b.asyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
            assertThat(markdown).startsWith("# Mock interview: Ad click prediction")
                    .contains("## 7. Monitoring").contains("**Candidate**")
                    .contains("&lt;script>window.__pwned = true&lt;/script>");
            assertThat(b.consoleErrors()).as("browser console on the replay page").isEmpty();
        }
    }

    @Test
    void wrongPasswordAndTakenNameAreExplained() {
        String taken = Api.newAccount();
        try (Browser b = Browser.laptop(base)) {
            b.open("/login.html");
            b.find("#login-username").sendKeys(taken);
            b.find("#login-password").sendKeys("not-the-password");
            b.find("#login-submit").click();
            assertThat(b.awaitVisible("#login-error").getText()).contains("Wrong username or password");
            b.screenshot("13-login-wrong-password");

            b.find("#signup-username").sendKeys(taken);
            b.find("#signup-password").sendKeys(Api.PASSWORD);
            b.find("#signup-submit").click();
            assertThat(b.awaitVisible("#signup-error").getText()).contains("is taken");

            b.find("#login-username").clear();
            b.find("#login-username").sendKeys(taken);
            b.find("#login-password").sendKeys(Api.PASSWORD);
            b.find("#login-submit").click();
            b.await(d -> b.currentPath().equals("/"), "home after logging in");
            b.awaitVisible("#logout").click();
            b.await(d -> b.currentPath().startsWith("/login.html?loggedOut"), "the login page after logging out");
            assertThat(b.awaitVisible("#notice").getText()).contains("logged out");
            b.open("/");
            b.await(d -> b.currentPath().startsWith("/login.html"), "no session after logging out");
        }
    }


    /** Waits until the answer just sent is acknowledged and the interviewer has replied to it. */
    private static void awaitInterviewerReplyAfterLastAnswer(Browser b) {
        b.await(d -> {
            if (!b.findAll("#conversation li.pending, #conversation li.streaming").isEmpty()) {
                return false;
            }
            List<WebElement> turns = b.findAll("#conversation li.turn");
            return turns.size() >= 2 && turns.get(turns.size() - 1).getAttribute("class").contains("interviewer")
                    && turns.get(turns.size() - 2).getAttribute("class").contains("candidate");
        }, "the interviewer's reply to the last answer");
    }

    private static String currentStage(Browser b) {
        List<WebElement> current = b.findAll("#stagebar li.current");
        return current.isEmpty() ? "" : current.get(0).getAttribute("data-stage");
    }

    private static void assertCurrentStage(Browser b, String stage) {
        b.await(d -> stage.equals(currentStage(b)), "current stage " + stage);
    }

    private static int turnCount(String id, String username) {
        return Api.as(username).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath().getList("turns").size();
    }
}
