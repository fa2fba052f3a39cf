package dev.mlsdmock.grading.calibration;

import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.calibration.CalibrationHarnessTest.Result;
import dev.mlsdmock.grading.calibration.CalibrationReport.Graded;
import dev.mlsdmock.grading.calibration.CalibrationSet.Sample;
import dev.mlsdmock.rubric.RubricRegistry;
import dev.mlsdmock.support.FakeOpenAiGraderServer;
import io.quarkus.arc.All;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's LLM path, end to end through the wire format: {@code grading.llm=openai} pointed at a fake
 * OpenAI-compatible provider on loopback that grades like a crude model ({@code FakeGraderJudge}: evidence per
 * criterion, quotes copied from the transcript, rationales about the candidate). The harness must grade the
 * calibration transcripts with both graders and print both sets of figures and their agreement. Three problems of
 * the repo's set keep it fast (the offline half is the slow one); {@code -Dcalibration.problems} picks others.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeOpenAiGraderServer.JudgingResource.class, restrictToAnnotatedClass = true)
class CalibrationHarnessLlmTest {

    private static final Set<String> PROBLEMS = Set.of("event-recommendation", "harmful-content-detection", "news-feed");

    FakeOpenAiGraderServer provider;

    @Inject
    CoverageDetector coverage;
    @Inject
    RubricRegistry rubrics;
    @Inject
    @All
    List<Grader> graders;

    @Test
    void theHarnessGradesWithTheConfiguredLlmAndReportsItsAgreement() {
        Set<String> problems = CalibrationSet.problems(System.getProperty("calibration.problems"));
        List<Sample> samples = CalibrationSet.load(Path.of(CalibrationHarnessTest.REPO_SET), problems == null ? PROBLEMS : problems);
        Result result = CalibrationHarnessTest.harness(coverage, rubrics, graders, samples, true);

        assertThat(result.llmResults()).hasSameSizeAs(result.offlineResults()).isNotEmpty();
        assertThat(result.llmResults()).allSatisfy(g -> assertThat(g.card().grader()).isEqualTo("llm:" + FakeOpenAiGraderServer.MODEL));
        // every stage of every grading went to the provider once (grading.samples=1): nothing fell back offline
        assertThat(provider.requests()).hasSize(result.llmResults().size() * 7);
        assertThat(result.agreement()).startsWith("LLM vs offline on " + result.llmResults().size() + " gradings: Spearman ");
        assertThat(result.llm().levels()).isNotEmpty();
        // the same contract as the offline grader: verified quotes only, rationales about the candidate
        assertThat(result.llm().droppedQuotes()).as("the LLM's quotes that did not verify").isZero();
        assertThat(result.llm().rationaleLeaks()).as("LLM rationales with an id or a note").isZero();
        assertThat(result.llmResults().stream().mapToInt(Graded::score).max().orElse(0)).isPositive();
        assertThat(result.llmResults()).allSatisfy(g -> g.card().criteria().forEach(c ->
                assertThat(c.score() == 0 || !c.evidence().isEmpty()).as(c.id() + " has evidence when above 0").isTrue()));
    }
}
