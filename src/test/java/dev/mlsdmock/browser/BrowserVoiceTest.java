package dev.mlsdmock.browser;

import dev.mlsdmock.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voice in headless Chromium: the read-aloud toggle and the dictate button appear only with their browser APIs,
 * the choice survives a reload, a new interviewer turn is handed to speechSynthesis.speak, and without the APIs the
 * page hides both and works the same.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserVoiceTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void readAloudIsOptInKeptAcrossReloadsAndSpeaksNewInterviewerTurns() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (Browser b = Browser.laptop(base)) {
            b.logIn(user, Api.PASSWORD);
            open(b, id);
            WebElement toggle = b.find("#voice-read");
            assertThat(b.find("#voice-read-label").isDisplayed()).isTrue();
            assertThat(toggle.isSelected()).isFalse(); // opt-in
            boolean recognition = (Boolean) b.script(
                    "return typeof (window.SpeechRecognition || window.webkitSpeechRecognition) === 'function'");
            assertThat(b.find("#dictate").isDisplayed()).isEqualTo(recognition);

            toggle.click();
            assertThat(b.script("return localStorage.getItem('mlsd.voice.read')")).isEqualTo("on");
            b.driver().navigate().refresh();
            open(b, id);
            assertThat(b.find("#voice-read").isSelected()).isTrue();

            // Observe the real API: wrap speechSynthesis.speak before the next turn arrives (the page is not changed).
            b.script("window.__spoken = []; const s = window.speechSynthesis; const speak = s.speak.bind(s);"
                    + "s.speak = u => { window.__spoken.push(u.text); speak(u); };");
            b.answer("How many daily active users are there?");
            WebElement reply = b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='3']");
            String replyText = reply.findElement(org.openqa.selenium.By.cssSelector(".text")).getText();
            b.await(d -> ((List<?>) b.script("return window.__spoken")).size() == 1, "the reply handed to speechSynthesis");
            assertThat(b.script("return window.__spoken[0]")).isEqualTo(replyText);
            // The opening, replayed on connect, was not read again.
            assertThat(((List<?>) b.script("return window.__spoken"))).hasSize(1);
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void withoutTheSpeechApisTheControlsAreHiddenAndThePageWorksTheSame() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (Browser b = Browser.laptop(base)) {
            b.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance', 'SpeechRecognition',"
                            + " 'webkitSpeechRecognition']) {"
                            + " Object.defineProperty(window, name, { value: undefined, configurable: true }); }"));
            b.logIn(user, Api.PASSWORD);
            open(b, id);
            assertThat(b.script("return window.speechSynthesis === undefined")).isEqualTo(true);
            assertThat(b.find("#voice-read-label").isDisplayed()).isFalse();
            assertThat(b.find("#dictate").isDisplayed()).isFalse();
            b.answer("How many daily active users are there?");
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='3']");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    private static void open(Browser b, String id) {
        b.open("/interview.html?id=" + id);
        b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
        b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");
    }

}
