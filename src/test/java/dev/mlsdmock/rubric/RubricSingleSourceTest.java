package dev.mlsdmock.rubric;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric.Criterion;
import dev.mlsdmock.rubric.Rubric.Signal;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rubric wording has one source: a criterion's looks-for is its signals' descriptions, and the reference outline
 * holds only what the signals do not already say.
 */
class RubricSingleSourceTest {

    private final RubricParser parser = new RubricParser();

    @Test
    void looksForIsTheSignalsDescriptionsInTheOrderTheCriterionListsThem() {
        String text = RubricParserTest.minimal().replace("        signals: [clarify-a]\n", "        signals: [clarify-b, clarify-a]\n");
        Criterion criterion = tiny(text).stage(Stage.CLARIFY).criteria().get(0);
        assertThat(criterion.signals()).containsExactly("clarify-b", "clarify-a");
        assertThat(criterion.looksFor()).isEqualTo("Shows b. Shows a.");
    }

    @Test
    void rewordingASignalRewordsEveryCriterionThatUsesIt() {
        Rubric before = TestRubrics.load("news-feed");
        String wording = before.signal("clarify-latency").orElseThrow().description();
        String text = read("news-feed").replace(wording, "Asks how fast the feed must load.");
        Rubric after = parser.parse("rubrics/news-feed.yaml", text);
        Criterion criterion = after.stage(Stage.CLARIFY).criteria().stream()
                .filter(c -> c.id().equals("grade-clarify-latency")).findFirst().orElseThrow();
        assertThat(criterion.looksFor()).startsWith("Asks how fast the feed must load. ").doesNotContain(wording);
    }

    @Test
    void everyShippedCriterionLooksForWhatItsSignalsDescribe() {
        for (String problem : problems()) {
            Rubric rubric = TestRubrics.load(problem);
            Map<String, Signal> signals = rubric.allSignals().collect(Collectors.toMap(Signal::id, s -> s));
            for (Criterion c : rubric.allCriteria()) {
                String expected = c.signals().stream().map(id -> signals.get(id).description())
                        .collect(Collectors.joining(" "));
                assertThat(c.looksFor()).as(problem + " " + c.id()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aLooksForKeyIsRejectedWithWhereTheWordingLivesNow() {
        String text = RubricParserTest.minimal().replace("        weight: 1\n", "        weight: 1\n        looks-for: Does it well.\n");
        assertThatThrownBy(() -> tiny(text)).isInstanceOf(RubricException.class).satisfies(e -> {
            RubricException r = (RubricException) e;
            assertThat(r.field()).isEqualTo("stages.clarify.criteria[0].looks-for");
            assertThat(r.problem()).startsWith("unknown field").contains("descriptions of the criterion's signals");
        });
    }

    @Test
    void theReferenceIsOptionalButNeverEmpty() {
        assertThat(tiny(RubricParserTest.minimal()).reference()).isEmpty();
        String withReference = RubricParserTest.minimal() + "reference: |\n  Mentions the cost of a wrong answer.\n";
        assertThat(tiny(withReference).reference()).contains("Mentions the cost of a wrong answer.");
        for (String empty : List.of("reference:\n", "reference: \"\"\n", "reference: |\n  \n")) {
            assertThatThrownBy(() -> tiny(RubricParserTest.minimal() + empty)).as(empty)
                    .isInstanceOf(RubricException.class)
                    .hasMessageContaining("rubrics/tiny.yaml: reference: must not be empty");
        }
    }

    @Test
    void noShippedReferenceRepeatsASignal() {
        for (String problem : problems()) {
            Rubric rubric = TestRubrics.load(problem);
            Set<String> descriptions = rubric.allSignals().map(Signal::description).collect(Collectors.toSet());
            rubric.reference().ifPresent(reference -> assertThat(Arrays.stream(reference.split("(?<=[.!?])\\s+")))
                    .as(problem).noneMatch(sentence -> descriptions.contains(sentence.replaceFirst("^\\w+: ", ""))));
        }
    }

    @Test
    void theRegistryLoadsEveryShippedRubric() {
        RubricConfig config = () -> Path.of("rubrics");
        assertThat(RubricRegistry.load(config)).containsOnlyKeys(problems())
                .allSatisfy((id, rubric) -> assertThat(rubric.allCriteria()).hasSizeGreaterThanOrEqualTo(Stage.values().length));
    }

    private static List<String> problems() {
        try {
            return RubricParserTest.shippedProblems().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String problem) {
        try {
            return Files.readString(TestRubrics.DIR.resolve(problem + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Rubric tiny(String text) {
        return parser.parse("rubrics/tiny.yaml", text);
    }
}
