package dev.mlsdmock.grading.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.grading.GradingDefaults;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.ScorecardBuilder;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline grader against hand-graded transcripts of three problems: it must order strong > mediocre > weak,
 * and keep keyword stuffing and grader injection below the mediocre answer, with every quote verified.
 *
 * <p>A {@code @QuarkusTest} only because the embedding model's native library can be loaded by one class loader
 * per JVM, and the other tests load it in Quarkus's; the test itself uses no Quarkus feature.
 */
@io.quarkus.test.junit.QuarkusTest
class CalibrationTest {

    private static OfflineGrader grader;

    @BeforeAll
    static void loadModel() {
        grader = new OfflineGrader(new SentenceEmbedder(), GradingDefaults.MATCH_THRESHOLD, GradingDefaults.EMBEDDING_MODEL);
    }

    @Test
    void ordersTranscriptsOfEveryProblemAsCalibrated() {
        JsonNode order = Calibration.order();
        for (Iterator<Map.Entry<String, JsonNode>> it = order.get("problems").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> problem = it.next();
            List<String> report = new ArrayList<>();
            Map<String, Scorecard> cards = new LinkedHashMap<>();
            List<String> qualities = new ArrayList<>();
            problem.getValue().forEach(q -> qualities.add(q.asText()));
            order.get("below-mediocre").forEach(q -> qualities.add(q.asText()));
            for (String quality : qualities) {
                cards.put(quality, grade(problem.getKey(), quality));
                report.add(problem.getKey() + "/" + quality + ": " + cards.get(quality).overall() + " "
                        + cards.get(quality).recommendation());
            }
            for (int i = 1; i < problem.getValue().size(); i++) {
                String better = problem.getValue().get(i - 1).asText();
                String worse = problem.getValue().get(i).asText();
                assertThat(cards.get(better).overall()).as(problem.getKey() + ": " + better + " above " + worse + "\n" + report)
                        .isGreaterThan(cards.get(worse).overall());
            }
            for (JsonNode low : order.get("below-mediocre")) {
                assertThat(cards.get(low.asText()).overall()).as(problem.getKey() + ": " + low.asText() + " below mediocre\n" + report)
                        .isLessThan(cards.get("mediocre").overall());
            }
            assertThat(cards.get("injection").flags()).as(problem.getKey() + " injection flagged")
                    .anyMatch(f -> f.type().equals("injection"));
            assertThat(cards.get("keyword-stuffed").flags()).as(problem.getKey() + " keyword list flagged")
                    .anyMatch(f -> f.type().equals("keyword-list"));
            assertThat(cards.get("strong").recommendation()).as(problem.getKey() + " strong").isIn("strong-hire", "hire");
            assertThat(cards.get("weak").recommendation()).as(problem.getKey() + " weak").isEqualTo("no-hire");
            System.out.println(String.join("\n", report));
            for (Scorecard card : cards.values()) {
                assertThat(card.flags()).noneMatch(f -> f.type().equals("unverified-evidence"));
                card.criteria().forEach(c -> {
                    if (c.score() > 0) {
                        assertThat(c.evidence()).as(c.id()).isNotEmpty();
                    }
                });
            }
        }
    }

    private static Scorecard grade(String problemId, String quality) {
        Rubric rubric = Calibration.rubric(problemId);
        Transcript transcript = Calibration.transcript(problemId, quality);
        return ScorecardBuilder.build(UUID.randomUUID(), UUID.randomUUID(), rubric, Level.SENIOR, transcript,
                grader.grade(rubric, transcript), null, Instant.EPOCH);
    }
}
