package dev.mlsdmock.coverage;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.support.TestPrompts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which step of the framework an interviewer's question opens, from {@code stage-questions} in intents.yaml. */
class StageAskedTest {

    private final CoverageDetector detector = TestPrompts.detector();

    @Test
    void shortAndLongQuestionsNameTheirStep() {
        assertThat(detector.stageAsked("What data and features?")).contains(Stage.DATA);
        assertThat(detector.stageAsked("Good. Which model?")).contains(Stage.MODEL);
        assertThat(detector.stageAsked("How would you measure success offline?")).contains(Stage.EVALUATE);
        assertThat(detector.stageAsked("How would it run in production?")).contains(Stage.SERVE);
        assertThat(detector.stageAsked("What happens after launch?")).contains(Stage.MONITOR);
    }

    @Test
    void questionsThatOpenNoStepInParticularNameNone() {
        assertThat(detector.stageAsked("Can you say more about how?")).isEmpty();
        assertThat(detector.stageAsked("Where would you start?")).isEmpty();
        assertThat(detector.stageAsked("Success is registrations. 50 million users.")).isEmpty(); // no question
    }
}
