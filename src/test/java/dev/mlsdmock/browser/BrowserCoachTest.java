package dev.mlsdmock.browser;

import dev.mlsdmock.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coach mode in headless Chromium: start in coach mode, press Hint, see the hint turn (and in the replay); no Hint
 * button otherwise, and a notice frame is shown as a notice, not as an error.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserCoachTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void inCoachModeTheHintButtonBringsAGraduatedHintTurn() {
        String username = Api.newAccount();
        try (Browser b = Browser.laptop(base)) {
            b.logIn(username, Api.PASSWORD);
            b.await(d -> b.findAll("#problems input[name=problem]").size() == 10, "ten problems");
            b.find("label[for=problem-harmful-content-detection]").click();
            b.find("label[for=mode-coach]").click();
            b.find("#start").click();
            b.await(d -> b.currentPath().startsWith("/interview.html?id="), "the interview page");
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");

            b.awaitVisible("#hint").click();
            WebElement hint = b.awaitVisible("#conversation li.turn.interviewer.hint[data-seq='2']");
            assertThat(hint.getText()).contains("Interviewer · hint").contains("A hint:");
            b.screenshot("coach-hint");

            b.find("#hint").click();
            WebElement pointer = b.awaitVisible("#conversation li.turn.interviewer.hint[data-seq='3']");
            assertThat(pointer.getText()).contains("A more specific pointer:");
            assertThat(b.find("#conversation li.turn.interviewer[data-seq='1']").getAttribute("class")).doesNotContain("hint");

            // The replay shows the same turns as hints: their own label and the hint style.
            String id = b.currentPath().replaceFirst(".*id=", "");
            b.open("/replay.html?id=" + id + "&seq=3");
            WebElement replayed = b.awaitVisible("#transcript li.turn.interviewer.hint[data-seq='2']");
            assertThat(replayed.getText()).contains("Interviewer · hint").contains("A hint:");
            assertThat(replayed.getCssValue("border-top-style")).isEqualTo("dashed");
            assertThat(b.find("#transcript li.turn[data-seq='1']").getText()).doesNotContain("hint");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aNoticeIsShownAsANeutralNoticeNotAsAnError() {
        String username = Api.newAccount();
        String id = Api.newInterview(username, "news-feed");
        try (Browser b = Browser.laptop(base)) {
            b.logIn(username, Api.PASSWORD);
            b.open("/interview.html?id=" + id);
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");
            // A hint asked for in interview mode (a page from before, or a client of the API) gets a notice frame.
            b.script("document.querySelector('#hint').hidden = false;");
            b.find("#hint").click();
            WebElement notice = b.awaitVisible("#notice");
            assertThat(notice.getText()).contains("coach mode");
            assertThat(notice.getAttribute("class")).contains("alert").contains("info").doesNotContain("error");
            assertThat(notice.getAttribute("role")).isEqualTo("status");
            assertThat(b.find("#error").isDisplayed()).as("the error box").isFalse();
            assertThat(b.findAll("#conversation li.turn")).hasSize(1);
            b.screenshot("notice");

            b.find("#answer").sendKeys("How many daily users do we have?");
            b.find("#send").click();
            b.await(d -> !b.find("#notice").isDisplayed(), "the notice cleared by the next answer");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void inInterviewModeThereIsNoHintButton() {
        String username = Api.newAccount();
        String id = Api.newInterview(username, "news-feed");
        try (Browser b = Browser.laptop(base)) {
            b.logIn(username, Api.PASSWORD);
            b.open("/interview.html?id=" + id);
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");
            assertThat(b.find("#hint").isDisplayed()).isFalse();
        }
    }
}
