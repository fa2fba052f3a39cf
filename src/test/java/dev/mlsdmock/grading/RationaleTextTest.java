package dev.mlsdmock.grading;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Scorecard.CriterionScore;
import dev.mlsdmock.grading.Scorecard.Evidence;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a candidate reads on a scorecard: no rubric ids, no internal notes, the descriptor of a 3 kept apart. */
class RationaleTextTest {

    private static final Rubric RUBRIC = Calibration.rubric("news-feed");

    @Test
    void idsBecomePlainWordsAndNotesGo() {
        assertThat(RationaleText.clean(RUBRIC, "Reasoned: clarify-engagement-objective (with a reason). "
                + "[1 cited quote(s) did not verify and were dropped.]"))
                .isEqualTo("engagement objective (with a reason).");
        assertThat(RationaleText.clean(RUBRIC, "Covers grade-data-feature-groups well.")).isEqualTo("Covers feature groups well.");
        assertThat(RationaleText.clean(RUBRIC, "One. Two. Three.")).isEqualTo("One. Two.");
        assertThat(RationaleText.clean(RUBRIC, null)).isNull();
    }

    @Test
    void theScorecardShowsWhatWasShownWhatWasMissingAndTheTargetApart() {
        Rubric.Criterion criterion = RUBRIC.allCriteria().get(0);
        Transcript transcript = new Transcript(List.of(
                new Transcript.Line(1, Role.INTERVIEWER, Stage.CLARIFY, "Where would you start?"),
                new Transcript.Line(2, Role.CANDIDATE, Stage.CLARIFY, "What does engagement mean for the business here?")));
        Grade grade = new Grade("test", List.of(new CriterionGrade(criterion.id(), 2,
                "Asked what engagement means (" + criterion.signals().get(0) + ").", "For a 3: also the request volume.",
                List.of(new Evidence(2, "What does engagement mean"), new Evidence(2, "a quote the candidate never said")))),
                List.of(), null);
        Scorecard card = ScorecardBuilder.build(UUID.randomUUID(), UUID.randomUUID(), RUBRIC, Level.SENIOR, transcript,
                grade, null, Instant.EPOCH);
        CriterionScore c = card.criteria().get(0);
        assertThat(c.score()).isEqualTo(2);
        assertThat(c.shown()).isEqualTo("Asked what engagement means (engagement objective).");
        assertThat(c.missing()).isEqualTo("For a 3: also the request volume.");
        assertThat(c.rationale()).isEqualTo(c.shown() + " " + c.missing());
        assertThat(c.target()).isEqualTo(criterion.levels().get(3));
        assertThat(c.evidence()).containsExactly(new Evidence(2, "What does engagement mean"));
        assertThat(card.flags()).as("the grader's own bad quote is no flag against the candidate").isEmpty();
    }
}
