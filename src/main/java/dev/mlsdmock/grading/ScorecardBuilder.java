package dev.mlsdmock.grading;

import dev.mlsdmock.grading.Scorecard.CriterionScore;
import dev.mlsdmock.grading.Scorecard.Fallback;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.grading.Scorecard.StageScore;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Criterion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a grader's verdicts into a scorecard: verifies the evidence, cleans the rationales ({@link RationaleText}),
 * then weights criterion scores (0-3) into stage scores and an overall score (0-100) and maps the overall score to
 * the level's recommendation. The arithmetic is the same whichever grader produced the verdicts.
 */
public final class ScorecardBuilder {

    private ScorecardBuilder() {
    }

    public static Scorecard build(UUID id, UUID interviewId, Rubric rubric, Level level, Transcript transcript,
                                  Grade grade, Fallback fallback, Instant createdAt) {
        return build(id, interviewId, rubric, level, transcript, grade, fallback, createdAt, Prompting.none());
    }

    static Scorecard build(UUID id, UUID interviewId, Rubric rubric, Level level, Transcript transcript,
                           Grade grade, Fallback fallback, Instant createdAt, Prompting prompting) {
        return build(id, interviewId, rubric, level, transcript, grade, fallback, createdAt, prompting, null);
    }

    /**
     * @param prompting how each shown signal first came up: criteria shown only after a probe or hint are marked
     * @param drill     for a stage drill, the stage drilled ({@code rubric} then has criteria for it alone,
     *                  {@link Rubric#onlyStage}): the scorecard has that stage only and a verdict instead of a
     *                  recommendation; null for a full interview
     */
    static Scorecard build(UUID id, UUID interviewId, Rubric rubric, Level level, Transcript transcript,
                           Grade grade, Fallback fallback, Instant createdAt, Prompting prompting, Stage drill) {
        Map<String, CriterionGrade> byId = grade.criteria().stream()
                .collect(Collectors.toMap(CriterionGrade::criterionId, Function.identity(), (a, b) -> a));
        List<CriterionGrade> ordered = new ArrayList<>();
        for (Criterion c : rubric.allCriteria()) {
            ordered.add(byId.getOrDefault(c.id(), new CriterionGrade(c.id(), 0, "The grader gave no verdict on this criterion.", List.of())));
        }
        EvidenceVerifier.Result verified = EvidenceVerifier.verify(transcript, ordered);

        List<CriterionScore> criteria = new ArrayList<>();
        List<StageScore> stages = new ArrayList<>();
        List<Flag> promptFlags = new ArrayList<>();
        int allPoints = 0;
        int allMax = 0;
        for (Stage stage : Stage.values()) {
            if (drill != null && stage != drill) {
                continue;
            }
            int points = 0;
            int max = 0;
            for (Criterion c : rubric.stage(stage).criteria()) {
                CriterionGrade g = verified.criteria().stream().filter(v -> v.criterionId().equals(c.id())).findFirst().orElseThrow();
                int score = prompting.adjust(c, g.score(), level, promptFlags);
                criteria.add(criterionScore(rubric, c, g, score));
                points += c.weight() * score;
                max += c.weight() * 3;
            }
            stages.add(new StageScore(stage.id(), percent(points, max)));
            allPoints += points;
            allMax += max;
        }
        int overall = percent(allPoints, allMax);
        List<Flag> flags = new ArrayList<>(grade.flags());
        flags.addAll(promptFlags);
        if (fallback != null) {
            flags.add(new Flag("llm-fallback", null, "Graded by " + grade.grader() + " because " + fallback.from()
                    + " failed: " + fallback.reason()));
        }
        Rubric.Expectation bars = rubric.expectations().get(level);
        return new Scorecard(id, interviewId, rubric.id(), rubric.version(), grade.grader(), fallback, level.id(), overall,
                drill == null ? bars.recommend(overall).id() : null, drill == null ? null : verdict(drill, overall, level, bars),
                stages, criteria, flags, grade.spread(), createdAt);
    }

    /** A drill's step score against the level's bars, in words a candidate reads on the scorecard. */
    static Scorecard.Drill verdict(Stage stage, int score, Level level, Rubric.Expectation bars) {
        String verdict = score >= bars.strongHire() ? Scorecard.ABOVE_BAR : score >= bars.hire() ? Scorecard.AT_BAR
                : Scorecard.BELOW_BAR;
        String words = switch (verdict) {
            case Scorecard.ABOVE_BAR -> "above the " + level.id() + " bar of " + bars.hire() + ", at strong-hire level ("
                    + bars.strongHire() + ")";
            case Scorecard.AT_BAR -> "meets the " + level.id() + " bar of " + bars.hire();
            default -> "below the " + level.id() + " bar of " + bars.hire();
        };
        return new Scorecard.Drill(stage.id(), verdict, bars.hire(), "Drill of one step: " + score + "/100, " + words + ".");
    }

    /** The grader's words cleaned of ids and notes; the rubric's descriptor of a 3 shown apart from them. */
    private static CriterionScore criterionScore(Rubric rubric, Criterion c, CriterionGrade g, int score) {
        String shown = RationaleText.clean(rubric, g.shown());
        String missing = score == 3 ? null : RationaleText.clean(rubric, g.missing());
        String rationale = missing == null ? shown : shown == null ? missing : shown + " " + missing;
        return new CriterionScore(c.id(), c.stage().id(), c.weight(), score, rationale, g.evidence(), shown, missing,
                c.levels().get(3));
    }

    private static int percent(int points, int max) {
        return max == 0 ? 0 : (int) Math.round(100.0 * points / max);
    }
}
