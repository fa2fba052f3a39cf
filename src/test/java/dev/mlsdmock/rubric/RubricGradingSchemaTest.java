package dev.mlsdmock.rubric;

import dev.mlsdmock.flow.Stage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grading part of the rubric schema: criteria, level descriptors, reference outline, expectations, version. */
class RubricGradingSchemaTest {

    private static final Path FILE = Path.of("rubrics/ad-click-prediction.yaml");

    @Test
    void everyShippedRubricHasCriteriaForEveryStage() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rubrics"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Rubric r = new RubricParser().parse("rubrics/" + file.getFileName(), Files.readString(file));
                for (Stage stage : Stage.values()) {
                    assertThat(r.stage(stage).criteria()).as(file + " " + stage).hasSizeBetween(1, 3);
                    r.stage(stage).criteria().forEach(c -> {
                        assertThat(c.levels()).hasSize(4);
                        assertThat(c.stage()).isEqualTo(stage);
                    });
                }
                r.allCriteria().forEach(c -> assertThat(c.looksFor()).as(c.id()).isNotBlank());
                assertThat(r.expectations()).containsOnlyKeys(Level.values());
                assertThat(r.version()).matches("[0-9a-f]{12}");
            }
        }
    }

    @Test
    void expectationsMapScoresToRecommendations() throws IOException {
        Rubric r = parse(Files.readString(FILE));
        Rubric.Expectation senior = r.expectations().get(Level.SENIOR);
        assertThat(senior.recommend(100)).isEqualTo(Recommendation.STRONG_HIRE);
        assertThat(senior.recommend(senior.hire())).isEqualTo(Recommendation.HIRE);
        assertThat(senior.recommend(senior.leanHire())).isEqualTo(Recommendation.LEAN_HIRE);
        assertThat(senior.recommend(senior.leanNoHire())).isEqualTo(Recommendation.LEAN_NO_HIRE);
        assertThat(senior.recommend(0)).isEqualTo(Recommendation.NO_HIRE);
        // the same score means less at a higher level
        assertThat(r.expectations().get(Level.STAFF).hire()).isGreaterThan(r.expectations().get(Level.MID).hire());
    }

    @Test
    void versionIsAContentHash() throws IOException {
        String text = Files.readString(FILE);
        assertThat(parse(text).version()).isEqualTo(parse(text).version());
        assertThat(parse(text.replace("Ad click prediction", "Ad click prediction v2")).version())
                .isNotEqualTo(parse(text).version());
    }

    @Test
    void badCriteriaAreRejectedWithFileAndField() throws IOException {
        String text = Files.readString(FILE);
        expectError(text.replace("signals: [clarify-business-objective, clarify-scale-qps]",
                        "signals: [clarify-business-objective, frame-pointwise-ctr]"),
                "stages.clarify.criteria[0].signals[1]", "not a signal of the clarify stage");
        expectError(text.replaceFirst("weight: 2", "weight: 9"), "stages.clarify.criteria[0].weight", "between 1 and 5");
        // The first criterion's level 3 descriptor becomes level 4, whatever its wording.
        expectError(text.replaceFirst("(?m)^          3: ", "          4: "),
                "stages.clarify.criteria[0].levels.4", "unknown score");
        expectError(text.replaceFirst("        weight: 2\n", "        weight: 2\n        looks_for: Anything.\n"),
                "stages.clarify.criteria[0].looks_for", "unknown field");
        expectError(text.replace("senior: {strong-hire: 80, hire: 62,", "senior: {strong-hire: 60, hire: 62,"),
                "expectations.senior.hire", "must be below strong-hire");
        expectError(text.replace("  staff: {strong-hire: 88, hire: 72, lean-hire: 55, lean-no-hire: 33}\n", ""),
                "expectations.staff", "missing");
        // reference is optional, but a key left without its text is a mistake
        expectError(text.replaceFirst("(?m)^expectations:", "reference: \"\"\nexpectations:"), "reference", "must not be empty");
    }

    private static void expectError(String text, String field, String problem) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(RubricException.class)
                .hasMessageContaining("rubrics/ad-click-prediction.yaml").hasMessageContaining(field + ": ")
                .hasMessageContaining(problem);
    }

    private static Rubric parse(String text) {
        return new RubricParser().parse("rubrics/ad-click-prediction.yaml", text);
    }
}
