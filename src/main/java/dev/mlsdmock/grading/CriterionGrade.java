package dev.mlsdmock.grading;

import dev.mlsdmock.grading.Scorecard.Evidence;

import java.util.List;

/** A grader's verdict on one rubric criterion, before its evidence is checked. */
public record CriterionGrade(String criterionId, int score, String rationale, List<Evidence> evidence) {

    public CriterionGrade {
        if (score < 0 || score > 3) {
            throw new IllegalArgumentException("A criterion score is 0 to 3, not " + score);
        }
        evidence = List.copyOf(evidence);
    }
}
