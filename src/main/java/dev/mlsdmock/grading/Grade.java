package dev.mlsdmock.grading;

import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.grading.Scorecard.Spread;

import java.util.List;

/**
 * What a grader produced for a whole transcript: one verdict per rubric criterion, the flags it raised, its
 * label ({@code offline:<model>} or {@code llm:<model>}) and, for sampled graders, the spread.
 */
public record Grade(String grader, List<CriterionGrade> criteria, List<Flag> flags, Spread spread) {
}
