package dev.mlsdmock.grading.offline;

import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.grading.GradingDefaults;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.ScorecardBuilder;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Same transcript, same scorecard: also across two independently loaded embedding models (a restart). *
 * <p>A {@code @QuarkusTest} only because the embedding model's native library can be loaded by one class loader
 * per JVM, and the other tests load it in Quarkus's; the test itself uses no Quarkus feature.
 */
@io.quarkus.test.junit.QuarkusTest
class OfflineDeterminismTest {

    @Test
    void gradingTheSameTranscriptTwiceGivesIdenticalScorecards() {
        Rubric rubric = Calibration.rubric("visual-search");
        Transcript transcript = Calibration.transcript("visual-search", "strong");
        UUID id = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        OfflineGrader one = new OfflineGrader(new SentenceEmbedder(), GradingDefaults.MATCH_THRESHOLD, GradingDefaults.EMBEDDING_MODEL);
        // a second process on a machine with more cores: embedding split over 3 threads
        OfflineGrader two = new OfflineGrader(new SentenceEmbedder(), GradingDefaults.MATCH_THRESHOLD, GradingDefaults.EMBEDDING_MODEL, 3);
        Scorecard first = ScorecardBuilder.build(id, interview, rubric, Level.SENIOR, transcript, one.grade(rubric, transcript), null, Instant.EPOCH);
        Scorecard again = ScorecardBuilder.build(id, interview, rubric, Level.SENIOR, transcript, one.grade(rubric, transcript), null, Instant.EPOCH);
        Scorecard fresh = ScorecardBuilder.build(id, interview, rubric, Level.SENIOR, transcript, two.grade(rubric, transcript), null, Instant.EPOCH);
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
        assertThat(first.overall()).isPositive();
    }
}
