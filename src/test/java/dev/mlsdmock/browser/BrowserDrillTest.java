package dev.mlsdmock.browser;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.TestRubrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Duration;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stage drills in headless Chromium: from a graded interview's per-stage progress on the home page, drill the weakest
 * step, finish it, and see its scorecard (one step, a verdict) and the practice plan schedule its repeat.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class BrowserDrillTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void drillTheWeakestStepFromTheHomePageFinishItAndSeeThePlanUpdate() {
        String username = Api.newAccount();
        String imported = Api.as(username).body(Calibration.importBody("news-feed", "mediocre", "senior"))
                .post("/api/interviews/import").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Api.as(username).get("/api/interviews/" + imported + "/scorecard").then().extract().statusCode() == 200);

        try (Browser b = Browser.laptop(base)) {
            b.logIn(username, Api.PASSWORD);
            WebElement drillWeakest = b.awaitVisible("#drill-weakest");
            String weakest = drillWeakest.getAttribute("data-drill");
            String weakestName = b.find("#weakest").getText();
            assertThat(b.awaitVisible("#next-drill").getAttribute("data-stage")).as("the plan's next drill").isEqualTo(weakest);
            assertThat(b.find("#next-reason").getText()).contains("Your weakest step due now").contains("not drilled it yet");
            assertThat(b.find("#repeats").getText()).startsWith("None yet");
            b.screenshot("drill-01-home-plan");

            drillWeakest.click();
            b.await(d -> b.currentPath().startsWith("/interview.html?id="), "the drill's interview page");
            String drillId = b.currentPath().replaceAll(".*id=", "");
            WebElement opening = b.awaitVisible("#conversation li.turn.interviewer:not(.streaming)[data-seq='1']");
            assertThat(opening.getText()).contains("This is a drill of one step");
            b.await(d -> "connected".equals(b.find("#conn").getAttribute("data-state")), "connected");
            assertThat(b.findAll("#stagebar li")).singleElement()
                    .satisfies(li -> assertThat(li.getAttribute("data-stage")).isEqualTo(weakest));
            assertThat(b.find("#stage-label").getText()).startsWith("Drill: ").endsWith(" only");
            assertThat(b.find("#advance").getText()).isEqualTo("Finish this step");
            b.screenshot("drill-02-opening");

            String answer = TestRubrics.load("news-feed").stage(Stage.of(weakest)).signals().stream()
                    .map(s -> s.examples().get(0)).collect(Collectors.joining(" "));
            WebElement box = b.find("#answer");
            box.sendKeys(answer);
            box.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            b.awaitVisible("#conversation li.turn.candidate");
            b.await(d -> b.findAll("#conversation li.pending, #conversation li.streaming").isEmpty()
                    && b.findAll("#conversation li.turn.interviewer").size() >= 2, "the interviewer's reply");
            if (!b.find("#ended").isDisplayed()) { // covered: the drill closes by itself; otherwise the candidate ends it
                b.find("#end").click();
                b.awaitVisible("#end-dialog");
                b.find("#end-confirm").click();
            }
            assertThat(b.awaitVisible("#ended").getText()).contains("The drill has ended.");
            b.screenshot("drill-03-ended");

            b.open("/scorecard.html?id=" + drillId);
            assertThat(b.awaitVisible("#drill-verdict").getText()).isIn("Above the bar", "Meets the bar", "Below the bar");
            assertThat(b.find("#drill-summary").getText()).startsWith("Drill of one step: ");
            assertThat(b.findAll("#criteria .criterion")).extracting(c -> c.getAttribute("data-criterion"))
                    .containsExactlyElementsOf(TestRubrics.load("news-feed").stage(Stage.of(weakest)).criteria().stream()
                            .map(c -> c.id()).toList());
            assertThat(b.findAll("#chart svg rect.track")).hasSize(1);
            b.screenshot("drill-04-scorecard");

            b.open("/replay.html?id=" + drillId);
            b.await(d -> b.find("#title").getText().contains("drill:"), "the drill's replay title");
            assertThat(b.awaitVisible("#transcript li.stage-divider").getText()).startsWith("Drill · ");
            assertThat(b.findAll("#stage-jump button")).singleElement()
                    .satisfies(button -> assertThat(button.getAttribute("data-stage")).isEqualTo(weakest));

            b.open("/");
            WebElement repeat = b.awaitVisible("#repeats li[data-stage='" + weakest + "']");
            assertThat(repeat.getText()).contains("due tomorrow").contains("1 drill so far, repeats 1 day after the last");
            assertThat(b.find("#next-drill").getAttribute("data-stage")).isNotEqualTo(weakest);
            assertThat(b.find("#past").getText()).contains("Drill: ");
            assertThat(weakestName).startsWith("Weakest step:");
            b.screenshot("drill-05-plan-updated");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }
}
