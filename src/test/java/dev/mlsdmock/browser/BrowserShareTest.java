package dev.mlsdmock.browser;

import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;

import static dev.mlsdmock.grading.ScorecardAssertions.awaitScorecard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share with a coach in two headless Chromium sessions: the candidate makes a link on the replay page, a reviewer
 * who is not signed in opens it, logs in and comes back to it, reads the replay and scorecard and comments on a
 * turn; the candidate sees the comment in the replay, revokes the link, and the reviewer's page loses access.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserShareTest {

    private static final String COMMENT = "<img src=x id=pwned> Good scoping: ask about the latency budget next time.";

    @TestHTTPResource("/")
    URL base;

    @Test
    void candidateSharesReviewerCommentsCandidateSeesItAndRevokes() {
        String candidate = Api.newAccount();
        String reviewer = Api.newAccount();
        String id = Api.as(candidate).body(Calibration.importBody("news-feed", "strong", null))
                .post("/api/interviews/import").then().statusCode(201).extract().path("id");
        awaitScorecard(candidate, id);

        try (Browser owner = Browser.laptop(base); Browser coach = Browser.laptop(base)) {
            owner.logIn(candidate, Api.PASSWORD);
            owner.open("/replay.html?id=" + id);
            owner.awaitVisible("#transcript li.turn[data-seq='1']");
            owner.awaitVisible("#share-create").click();
            String link = owner.awaitVisible("#share-url").getAttribute("value");
            String path = link.substring(base.toString().replaceAll("/$", "").length());
            assertThat(link).startsWith(base.toString().replaceAll("/$", ""));
            assertThat(path).matches("/shared\\.html\\?token=[A-Za-z0-9_-]{43}");
            owner.await(d -> owner.findAll("#share-links li button.revoke").size() == 1, "one live link listed");
            owner.screenshot("share-01-link-made");

            // A reviewer without a session is sent to log in, then back to the shared page.
            coach.open(path);
            coach.await(d -> coach.currentPath().startsWith("/login.html"), "the login page");
            coach.awaitVisible("#login-username").sendKeys(reviewer);
            coach.find("#login-password").sendKeys(Api.PASSWORD);
            coach.find("#login-submit").click();
            coach.await(d -> coach.currentPath().equals(path), "back on the shared page after logging in");
            coach.await(d -> "open".equals(coach.find("body").getAttribute("data-share")), "the shared replay");
            assertThat(coach.awaitVisible("#who").getText()).isEqualTo(reviewer);
            assertThat(coach.find("#title").getText()).isEqualTo("Shared replay: Personalised news feed");
            coach.awaitVisible("#card");
            assertThat(coach.find("#overall").getText()).matches("\\d+\\s*/ 100");
            assertThat(coach.findAll("#transcript li.turn")).isNotEmpty();
            assertThat(coach.find("main").getText()).doesNotContain(candidate).doesNotContain(id);
            assertThat(coach.findAll("#share-create, #export-md, a[href*='" + id + "']")).isEmpty();

            click(coach, "#turn-2 details.comment-box summary");
            coach.awaitVisible("#turn-2 textarea[name=comment]").sendKeys(COMMENT);
            click(coach, "#turn-2 .comment-form button[type=submit]");
            WebElement posted = coach.awaitVisible("#turn-2 .comments li.comment");
            assertThat(posted.findElement(org.openqa.selenium.By.cssSelector(".author")).getText()).isEqualTo(reviewer);
            assertThat(posted.findElement(org.openqa.selenium.By.cssSelector(".text")).getText()).isEqualTo(COMMENT);
            assertThat(coach.findAll("#pwned")).isEmpty();
            assertThat(coach.consoleErrors()).isEmpty();
            coach.screenshot("share-02-reviewer-commented");

            owner.open("/replay.html?id=" + id);
            assertThat(owner.awaitVisible("#comment-list li[data-seq='2']").getText())
                    .isEqualTo("Turn 2 · " + reviewer + ": " + COMMENT);
            click(owner, "#comment-list li[data-seq='2'] a");
            WebElement seen = owner.awaitVisible("#turn-2.current .comments li.comment");
            assertThat(seen.getText()).contains(reviewer).contains(COMMENT);
            assertThat(owner.findAll("#pwned")).isEmpty();
            owner.screenshot("share-03-candidate-sees-comment");

            click(owner, "#share-links button.revoke");
            owner.await(d -> owner.findAll("#share-links li button.revoke").isEmpty(), "no live link left");
            assertThat(owner.consoleErrors()).isEmpty();

            // The open page loses access on its next request, and a reload shows the link is gone.
            click(coach, "#turn-1 details.comment-box summary");
            coach.awaitVisible("#turn-1 textarea[name=comment]").sendKeys("Too late?");
            click(coach, "#turn-1 .comment-form button[type=submit]");
            coach.await(d -> "gone".equals(coach.find("body").getAttribute("data-share")), "the link is no longer valid");
            coach.open(path);
            assertThat(coach.awaitVisible("#gone").getText()).contains("no longer valid");
            assertThat(coach.find("#shared").isDisplayed()).isFalse();
            coach.screenshot("share-04-revoked");
        }
    }

    /** Clicks an element scrolled to the middle of the window, clear of the replay's sticky player bar. */
    private static void click(Browser b, String css) {
        WebElement element = b.awaitVisible(css);
        b.script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
