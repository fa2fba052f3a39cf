package dev.mlsdmock.grading;

import dev.mlsdmock.grading.Scorecard.Evidence;

import java.util.List;

/**
 * A grader's verdict on one rubric criterion, before its evidence is checked.
 *
 * @param shown   what this candidate showed for the criterion, in plain words (one sentence)
 * @param missing what the candidate would have needed for the next score (one sentence); null at 3
 */
public record CriterionGrade(String criterionId, int score, String shown, String missing, List<Evidence> evidence) {

    public CriterionGrade {
        if (score < 0 || score > 3) {
            throw new IllegalArgumentException("A criterion score is 0 to 3, not " + score);
        }
        evidence = List.copyOf(evidence);
    }

    /** A verdict whose grader said nothing about what was missing. */
    public CriterionGrade(String criterionId, int score, String shown, List<Evidence> evidence) {
        this(criterionId, score, shown, null, evidence);
    }
}
