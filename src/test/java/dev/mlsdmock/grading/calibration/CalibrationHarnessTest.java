package dev.mlsdmock.grading.calibration;

import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.grading.calibration.CalibrationReport.Figures;
import dev.mlsdmock.grading.calibration.CalibrationReport.Graded;
import dev.mlsdmock.grading.calibration.CalibrationSet.Sample;
import dev.mlsdmock.provider.Provider;
import dev.mlsdmock.rubric.RubricRegistry;
import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calibration harness (docs/grading.md, "Calibration"): grades every labelled transcript of a folder as an import
 * would (stages as labelled, otherwise inferred), plus each strong and mediocre transcript with its evaluation told
 * first, and prints Spearman, ordering failures, per-level agreement, score spread, the salad/injection margin, the
 * reorder and concise-vs-verbose deltas, and the slowest grade. Offline always; the LLM grader too when
 * {@code grading.llm} is set, with its agreement with the offline grader.
 *
 * <pre>./mvnw -o -q test -Dtest=CalibrationHarnessTest [-Dcalibration.dir=/path/to/folder]
 *     [-Dcalibration.problems=news-feed,visual-search] [-Dgrading.llm=openai] [-Dcalibration.detail=true]</pre>
 *
 * On the repo's own set ({@code src/test/resources/calibration}, no {@code calibration.dir}) it asserts the targets
 * the offline grader reaches, so CI keeps them. {@link CalibrationHarnessLlmTest} runs the LLM path against a fake
 * provider.
 */
@QuarkusTest
class CalibrationHarnessTest {

    static final String REPO_SET = "src/test/resources/calibration";

    @Inject
    CoverageDetector coverage;
    @Inject
    RubricRegistry rubrics;
    @Inject
    GradingConfig config;
    @Inject
    @All
    List<Grader> graders;

    @Test
    void gradesTheCalibrationSet() {
        String dir = System.getProperty("calibration.dir");
        List<Sample> samples = CalibrationSet.load(Path.of(dir == null ? REPO_SET : dir),
                CalibrationSet.problems(System.getProperty("calibration.problems")));
        Result result = harness(coverage, rubrics, graders, samples, config.llm() != Provider.OFF);
        if (dir == null && System.getProperty("calibration.problems") == null) {
            assertTargets(result.offline());
        }
    }

    /** Grades with the offline grader, and with the LLM grader too when asked; prints every figure. */
    static Result harness(CoverageDetector coverage, RubricRegistry rubrics, List<Grader> graders, List<Sample> samples,
                          boolean withLlm) {
        CalibrationRun run = new CalibrationRun(coverage, rubrics);
        Map<String, Set<String>> ids = run.rubricIds(samples);
        Grader offline = grader(graders, Grader.OFFLINE);
        List<Graded> offlineResults = run.run(offline, samples);
        Figures f = CalibrationReport.figures(offlineResults, ids);
        System.out.println(CalibrationReport.text(offline.label(), offlineResults, f));
        if (Boolean.getBoolean("calibration.detail")) {
            offlineResults.forEach(g -> System.out.print(CalibrationReport.detail(g)));
        }
        if (!withLlm) {
            return new Result(offlineResults, f, List.of(), null, null);
        }
        Grader llm = grader(graders, Grader.LLM);
        List<Graded> llmResults = run.run(llm, samples);
        if (llmResults.size() < 2) {
            System.out.println(llm.label() + ": " + llmResults.size() + " of the gradings succeeded; no figures");
            return new Result(offlineResults, f, llmResults, null, null);
        }
        Figures lf = CalibrationReport.figures(llmResults, ids);
        String agreement = CalibrationRun.agreement(offlineResults, llmResults);
        System.out.println(CalibrationReport.text(llm.label(), llmResults, lf));
        if (Boolean.getBoolean("calibration.detail")) {
            llmResults.forEach(g -> System.out.print(CalibrationReport.detail(g)));
        }
        System.out.println(agreement);
        return new Result(offlineResults, f, llmResults, lf, agreement);
    }

    /** What one harness run printed, for the tests to check. */
    record Result(List<Graded> offlineResults, Figures offline, List<Graded> llmResults, Figures llm, String agreement) {
    }

    /** The Done-when targets of issue 10 that the offline grader reaches on the repo's set (docs/grading.md). */
    private static void assertTargets(Figures f) {
        assertThat(f.orderingFailures()).as("ordering failures").isEmpty();
        assertThat(f.spearman()).as("Spearman(score, expected rank)").isLessThanOrEqualTo(-0.9);
        assertThat(f.adversarialMargin()).as("keyword salad / injection above weak").isLessThanOrEqualTo(5);
        assertThat(f.reorderDelta()).as("change from reordering stages").isLessThanOrEqualTo(8);
        assertThat(f.conciseMinusVerbose()).as("concise minus verbose").isGreaterThanOrEqualTo(0);
        assertThat(f.rationaleLeaks()).as("rationales with an id or a note").isZero();
        assertThat(f.droppedQuotes()).as("the grader's own quotes that did not verify").isZero();
        f.levels().forEach((level, band) -> assertThat(band.inBand()).as("level %d in band", level)
                .isGreaterThanOrEqualTo(MIN_IN_BAND.get(level)));
    }

    /** Per expected level, how many of the repo set's transcripts must get a recommendation in the level's band. */
    private static final Map<Integer, Integer> MIN_IN_BAND = Map.of(1, 30, 2, 9, 3, 15);

    static Grader grader(List<Grader> graders, String kind) {
        return graders.stream().filter(g -> g.kind().equals(kind)).findFirst().orElseThrow();
    }
}
