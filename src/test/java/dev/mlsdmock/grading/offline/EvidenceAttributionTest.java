package dev.mlsdmock.grading.offline;

import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Grade;
import dev.mlsdmock.grading.GradingDefaults;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sentence is evidence where it belongs: an A/B-testing sentence said during evaluation is not the best proof of
 * the business objective, and a serving answer earns the serving criterion.
 */
class EvidenceAttributionTest {

    private static final String AB_TEST = "Online I'd run an A/B test on click-through rate and revenue per thousand impressions.";
    private static final String SERVING = "Serving is two stages: candidate generation retrieves a few thousand eligible ads, "
            + "then a lightweight ranker scores them within the 50 millisecond budget, with cached features.";

    @Test
    void sentencesCountForTheCriteriaOfWhatTheySay() {
        Rubric rubric = TestRubrics.load("ad-click-prediction");
        Transcript transcript = new Transcript(List.of(
                new Transcript.Line(1, Role.INTERVIEWER, Stage.CLARIFY, "What would you like to clarify?"),
                new Transcript.Line(2, Role.CANDIDATE, Stage.CLARIFY, "The goal is to maximise ad revenue while keeping "
                        + "the user experience acceptable, because users who see irrelevant ads leave."),
                new Transcript.Line(3, Role.INTERVIEWER, Stage.EVALUATE, "How would you evaluate it?"),
                new Transcript.Line(4, Role.CANDIDATE, Stage.EVALUATE, AB_TEST),
                new Transcript.Line(5, Role.INTERVIEWER, Stage.SERVE, "How would you serve it?"),
                new Transcript.Line(6, Role.CANDIDATE, Stage.SERVE, SERVING)));
        Grade grade = new OfflineGrader(new SentenceEmbedder(), GradingDefaults.MATCH_THRESHOLD,
                GradingDefaults.EMBEDDING_MODEL).grade(rubric, transcript);

        assertThat(evidence(grade, "grade-clarify-business-objective")).doesNotContain(4, 6);
        assertThat(evidence(grade, "grade-serve-pipeline")).contains(6);
        assertThat(score(grade, "grade-serve-pipeline")).isPositive();
    }

    @Test
    void aSentenceCountsForItsCriterionWhateverStageItWasSaidIn() {
        Rubric rubric = TestRubrics.load("ad-click-prediction");
        OfflineGrader grader = new OfflineGrader(new SentenceEmbedder(), GradingDefaults.MATCH_THRESHOLD,
                GradingDefaults.EMBEDDING_MODEL);
        Grade inOrder = grader.grade(rubric, serving(Stage.SERVE));
        // Issue 10: the stage is a weak prior, not a gate; the same serving answer given while still clarifying
        // earns the serving criterion just the same.
        Grade early = grader.grade(rubric, serving(Stage.CLARIFY));
        assertThat(evidence(early, "grade-serve-pipeline")).contains(2);
        assertThat(score(early, "grade-serve-pipeline")).isEqualTo(score(inOrder, "grade-serve-pipeline")).isPositive();
    }

    private static Transcript serving(Stage saidIn) {
        return new Transcript(List.of(
                new Transcript.Line(1, Role.INTERVIEWER, saidIn, "Where would you start?"),
                new Transcript.Line(2, Role.CANDIDATE, saidIn, "Targeting and budget filters first cut the five million ads "
                        + "to a few thousand eligible ones, and a light model prunes those to a few hundred, because the "
                        + "main model cannot score them all in 40 milliseconds.")));
    }

    private static List<Integer> evidence(Grade grade, String criterion) {
        return grade.criteria().stream().filter(c -> c.criterionId().equals(criterion)).findFirst().orElseThrow()
                .evidence().stream().map(Scorecard.Evidence::seq).toList();
    }

    private static int score(Grade grade, String criterion) {
        return grade.criteria().stream().filter(c -> c.criterionId().equals(criterion)).findFirst().orElseThrow().score();
    }
}
