package dev.mlsdmock.rubric;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RubricParserTest {

    private final RubricParser parser = new RubricParser();

    static Stream<String> shippedProblems() throws IOException {
        try (Stream<Path> files = Files.list(TestRubrics.DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.replace(".yaml", "")).sorted().toList().stream();
        }
    }

    @Test
    void shipsTheTenProblemsOfTheBook() throws IOException {
        assertThat(shippedProblems()).containsExactlyInAnyOrder("visual-search", "street-view-blurring", "video-search",
                "harmful-content-detection", "video-recommendation", "event-recommendation", "ad-click-prediction",
                "similar-listings", "news-feed", "people-you-may-know");
    }

    @ParameterizedTest
    @MethodSource("shippedProblems")
    void everyShippedRubricIsValidAndComplete(String problemId) {
        Rubric rubric = TestRubrics.load(problemId);
        assertThat(rubric.id()).isEqualTo(problemId);
        assertThat(rubric.stages()).containsOnlyKeys(Stage.values());
        for (Stage stage : Stage.values()) {
            assertThat(rubric.stage(stage).signals()).as(stage.id()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(rubric.stage(stage).redFlags()).as(stage.id()).isNotEmpty();
            rubric.stage(stage).signals().forEach(s -> {
                assertThat(s.examples()).as(s.id()).hasSizeGreaterThanOrEqualTo(2);
                assertThat(s.probe()).as(s.id()).endsWith("?");
            });
        }
        assertThat(rubric.facts()).extracting(f -> f.topic().id())
                .contains("business-goal", "users", "scale", "latency", "data", "constraints");
        assertThat(rubric.opening()).doesNotContain("?");
    }

    /** Coach mode reads these: a nudge, then a more specific pointer, and never the answer the rubric holds. */
    @ParameterizedTest
    @MethodSource("shippedProblems")
    void everyKeySignalHasGraduatedHintsThatDoNotGiveTheAnswer(String problemId) {
        Rubric rubric = TestRubrics.load(problemId);
        for (Stage stage : List.of(Stage.FRAME, Stage.MODEL, Stage.EVALUATE)) {
            assertThat(rubric.stage(stage).signals()).as(stage.id() + " has a key signal").anyMatch(Rubric.Signal::key);
        }
        rubric.allSignals().filter(Rubric.Signal::key).forEach(s -> {
            assertThat(s.hints()).as(s.id() + " hints").hasSizeBetween(2, 3).doesNotHaveDuplicates();
            assertThat(s.hints().get(0)).as(s.id() + " nudge").startsWith("A hint:");
            s.hints().subList(1, s.hints().size()).forEach(h -> assertThat(h).as(s.id()).startsWith("A more specific pointer:"));
            s.hints().forEach(h -> {
                assertThat(h).as(s.id()).doesNotContain(s.description()).isNotEqualTo(s.probe());
                s.examples().forEach(e -> assertThat(h).as(s.id()).doesNotContain(e));
            });
        });
    }

    @Test
    void aValidMinimalRubricParses() {
        Rubric rubric = parser.parse("rubrics/tiny.yaml", minimal());
        assertThat(rubric.title()).isEqualTo("Tiny");
        assertThat(rubric.stage(Stage.MONITOR).signals()).extracting(Rubric.Signal::id).containsExactly("monitor-a", "monitor-b");
        assertThat(rubric.stage(Stage.CLARIFY).signals().get(0).keywords()).containsExactly("qps");
    }

    @Test
    void errorsNameTheFileTheFieldAndTheProblem() {
        expectError(minimal().replace("id: tiny", "id: other"), "id", "must equal the file name 'tiny'");
        expectError(minimal().replace("title: Tiny\n", ""), "title", "is missing");
        expectError(minimal().replace("title: Tiny", "title: Tiny\ncolour: blue"), "colour", "unknown field");
        expectError(minimal().replace("topic: scale", "topic: vibes"), "facts[2].topic", "'vibes' is not one of");
        expectError(minimal().replace("probe: How big is it?", "probe: How big is it"), "stages.clarify.signals[0].probe",
                "ending with '?'");
        expectError(minimal().replace("  monitor:\n", "  monitoring:\n"), "stages.monitoring", "unknown stage");
        expectError(minimal().replace("id: monitor-b", "id: monitor-a"), "stages.monitor.signals[1].id", "duplicate signal id");
        expectError(minimal().replace("opening: The problem.", "opening: What is the problem?"), "opening", "without a question");
        expectError(minimal().replace("    topic: constraints\n", "    topic: other\n"), "facts", "no fact about [constraints]");
        expectError("id: [unclosed", "", "not valid YAML");
    }

    @Test
    void keySignalsAndHintsAreOptionalAndValidated() {
        String probe = "        probe: How big is it\\?\n";
        String withBoth = minimal().replaceFirst(probe, "        probe: How big is it?\n        key: true\n"
                + "        hints: [\"A hint: think about volume.\", \"A more specific pointer: what happens at peak?\"]\n");
        Rubric.Signal first = parser.parse("rubrics/tiny.yaml", withBoth).stage(Stage.CLARIFY).signals().get(0);
        assertThat(first.key()).isTrue();
        assertThat(first.hints()).containsExactly("A hint: think about volume.", "A more specific pointer: what happens at peak?");
        Rubric.Signal plain = parser.parse("rubrics/tiny.yaml", minimal()).stage(Stage.CLARIFY).signals().get(0);
        assertThat(plain.key()).isFalse();
        assertThat(plain.hints()).isEmpty();

        expectError(minimal().replaceFirst(probe, "        probe: How big is it?\n        key: sometimes\n"),
                "stages.clarify.signals[0].key", "must be true or false");
        expectError(minimal().replaceFirst(probe, "        probe: How big is it?\n        hints: [\"Why? How?\"]\n"),
                "stages.clarify.signals[0].hints[0]", "at most one question");
        expectError(minimal().replaceFirst(probe, "        probe: How big is it?\n        hints: [a, b, c, d]\n"),
                "stages.clarify.signals[0].hints", "at most 3");
        expectError(minimal().replaceFirst(probe, "        probe: How big is it?\n        hints: []\n"),
                "stages.clarify.signals[0].hints", "needs at least 1");
    }

    private void expectError(String yaml, String field, String problem) {
        assertThatThrownBy(() -> parser.parse("rubrics/tiny.yaml", yaml))
                .isInstanceOf(RubricException.class)
                .satisfies(e -> {
                    RubricException r = (RubricException) e;
                    assertThat(r.file()).isEqualTo("rubrics/tiny.yaml");
                    assertThat(r.field()).isEqualTo(field);
                    assertThat(r.problem()).contains(problem);
                    assertThat(r.getMessage()).startsWith("rubrics/tiny.yaml: ");
                });
    }

    /** The smallest valid rubric: two signals, one red flag and one criterion per stage; no optional keys. */
    static String minimal() {
        StringBuilder y = new StringBuilder("""
                id: tiny
                title: Tiny
                summary: A tiny problem.
                opening: The problem.
                facts:
                """);
        for (String topic : List.of("business-goal", "users", "scale", "latency", "data", "constraints")) {
            y.append("  - id: f-").append(topic).append("\n    topic: ").append(topic)
                    .append("\n    questions: [\"What about ").append(topic).append("?\"]\n    answer: It is fine.\n");
        }
        y.append("expectations:\n");
        for (String level : List.of("mid", "senior", "staff")) {
            y.append("  ").append(level).append(": {strong-hire: 80, hire: 65, lean-hire: 50, lean-no-hire: 35}\n");
        }
        y.append("stages:\n");
        for (Stage stage : Stage.values()) {
            y.append("  ").append(stage.id()).append(":\n    signals:\n");
            for (String suffix : List.of("a", "b")) {
                y.append("      - id: ").append(stage.id()).append('-').append(suffix).append('\n')
                        .append("        description: Shows ").append(suffix).append(".\n")
                        .append("        examples: [I would do ").append(suffix).append(".]\n")
                        .append(stage == Stage.CLARIFY && suffix.equals("a") ? "        keywords: [qps]\n" : "")
                        .append("        probe: How big is it?\n");
            }
            y.append("    red-flags:\n      - id: ").append(stage.id()).append("-flag\n        description: Skips it.\n");
            y.append("    criteria:\n      - id: grade-").append(stage.id()).append("\n        weight: 1\n")
                    .append("        signals: [").append(stage.id()).append("-a]\n")
                    .append("        levels:\n");
            for (int score = 0; score <= 3; score++) {
                y.append("          ").append(score).append(": Level ").append(score).append(".\n");
            }
        }
        return y.toString();
    }
}
