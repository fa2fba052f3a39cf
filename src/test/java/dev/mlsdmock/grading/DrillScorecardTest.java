package dev.mlsdmock.grading;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.llm.LlmGrader;
import dev.mlsdmock.grading.llm.LlmGraderAi;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A drill's scorecard: that stage's criteria only, its score as the overall, a verdict instead of a recommendation. */
class DrillScorecardTest {

    private static final Rubric NEWS_FEED = TestRubrics.load("news-feed");
    private static final String ANSWER = "I'd report ROC-AUC per head and PR-AUC for shares, then A/B test engagement "
            + "per user with daily active users and hides as guardrails.";
    private static final Transcript TRANSCRIPT = new Transcript(List.of(
            new Transcript.Line(1, Role.INTERVIEWER, Stage.EVALUATE, "How would you know the model is good?"),
            new Transcript.Line(2, Role.CANDIDATE, Stage.EVALUATE, ANSWER)));

    @Test
    void theLlmGraderIsAskedAboutTheDrilledStageAloneAndTheCardCoversOnlyIt() {
        List<String> requests = new ArrayList<>();
        LlmGrader grader = new LlmGrader((system, request) -> {
            requests.add(request);
            return new LlmGraderAi.StageVerdict(NEWS_FEED.stage(Stage.EVALUATE).criteria().stream()
                    .map(c -> new LlmGraderAi.CriterionVerdict(c.id(), 2, "Reports per-head metrics.", "Long-term effects.",
                            List.of(new LlmGraderAi.Quote(2, "ROC-AUC per head")))).toList());
        }, "fake", 1, DrillScorecardTest::prompt);
        Rubric drill = NEWS_FEED.onlyStage(Stage.EVALUATE);

        Grade grade = grader.grade(drill, TRANSCRIPT);
        Scorecard card = ScorecardBuilder.build(UUID.randomUUID(), UUID.randomUUID(), drill, Level.SENIOR, TRANSCRIPT,
                grade, null, Instant.EPOCH, Prompting.none(), Stage.EVALUATE);

        assertThat(requests).singleElement().asString().contains("Stage to grade: evaluate");
        assertThat(card.stages()).extracting(Scorecard.StageScore::stage).containsExactly("evaluate");
        assertThat(card.criteria()).isNotEmpty().allSatisfy(c -> assertThat(c.stage()).isEqualTo("evaluate"));
        assertThat(card.overall()).isEqualTo(card.stages().get(0).score()).isEqualTo(67);
        assertThat(card.recommendation()).isNull();
        int bar = NEWS_FEED.expectations().get(Level.SENIOR).hire();
        assertThat(card.drill()).isEqualTo(new Scorecard.Drill("evaluate", Scorecard.AT_BAR, bar,
                "Drill of one step: 67/100, meets the senior bar of " + bar + "."));
    }

    @Test
    void theVerdictSetsTheStepScoreAgainstTheLevelsBars() {
        Rubric.Expectation bars = new Rubric.Expectation(80, 66, 54, 40);
        assertThat(ScorecardBuilder.verdict(Stage.DATA, 80, Level.SENIOR, bars).verdict()).isEqualTo(Scorecard.ABOVE_BAR);
        assertThat(ScorecardBuilder.verdict(Stage.DATA, 66, Level.SENIOR, bars).verdict()).isEqualTo(Scorecard.AT_BAR);
        assertThat(ScorecardBuilder.verdict(Stage.DATA, 65, Level.SENIOR, bars).summary())
                .isEqualTo("Drill of one step: 65/100, below the senior bar of 66.");
    }

    @Test
    void aFullInterviewStillGetsAllStagesAndARecommendation() {
        Grade grade = new Grade("offline:test", List.of(), List.of(), null);
        Scorecard card = ScorecardBuilder.build(UUID.randomUUID(), UUID.randomUUID(), NEWS_FEED, Level.SENIOR, TRANSCRIPT,
                grade, null, Instant.EPOCH);
        assertThat(card.stages()).hasSize(7);
        assertThat(card.recommendation()).isEqualTo("no-hire");
        assertThat(card.drill()).isNull();
    }

    private static String prompt(String name) {
        try {
            return Files.readString(Path.of("prompts", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
