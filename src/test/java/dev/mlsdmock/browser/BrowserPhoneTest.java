package dev.mlsdmock.browser;

import dev.mlsdmock.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every page fits a phone's width (no sideways scrolling) and keeps its working parts. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserPhoneTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyPageFitsAPhone() {
        String user = Api.newAccount();
        String active = Api.newInterview(user, "video-recommendation");
        String ended = Api.newInterview(user, "visual-search");
        Api.as(user).post("/api/interviews/" + ended + "/end").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.as(user).get("/api/interviews/" + ended + "/scorecard").statusCode() == 200);

        try (Browser b = Browser.phone(base)) {
            b.logIn(user, Api.PASSWORD);
            b.awaitVisible("#past tr[data-interview='" + ended + "']");
            assertThat(b.overflowsHorizontally()).as("home overflows").isFalse();
            b.screenshot("30-phone-home");

            b.open("/interview.html?id=" + active);
            b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            b.awaitVisible("#stagebar li.current");
            assertThat(b.find("#answer").isDisplayed()).isTrue();
            assertThat(b.overflowsHorizontally()).as("interview overflows").isFalse();
            b.screenshot("31-phone-interview");

            b.open("/scorecard.html?id=" + ended);
            b.awaitVisible("#card");
            assertThat(b.overflowsHorizontally()).as("scorecard overflows").isFalse();
            b.screenshot("32-phone-scorecard");

            b.open("/replay.html?id=" + ended);
            b.awaitVisible("#transcript li.turn");
            assertThat(b.overflowsHorizontally()).as("replay overflows").isFalse();
            b.screenshot("33-phone-replay");

            String token = Api.as(user).post("/api/interviews/" + ended + "/shares").then().statusCode(201)
                    .extract().path("token");
            b.open("/shared.html?token=" + token);
            b.awaitVisible("#transcript li.turn .comment-box");
            assertThat(b.overflowsHorizontally()).as("shared page overflows").isFalse();
            b.screenshot("34-phone-shared");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }
}
