package dev.mlsdmock.grading;

import dev.mlsdmock.provider.Provider;
import dev.mlsdmock.rubric.Rubric;

/**
 * One way of grading a transcript against a rubric. The offline grader ({@code grading.offline}) and the LLM grader
 * ({@code grading.llm}) are the two beans of this type; {@link GradingService} picks one by {@link #kind()}.
 */
public interface Grader {

    /** The kind of the in-process grader, as jobs and requests name it. */
    String OFFLINE = "offline";
    /** The kind of the LLM grader, as jobs and requests name it. */
    String LLM = "llm";

    /** {@link #OFFLINE} or {@link #LLM}. */
    String kind();

    /** What the scorecard names as its grader: {@code offline:<model>} or {@code llm:<model>}. */
    String label();

    Grade grade(Rubric rubric, Transcript transcript);

    /** The grader of new scorecards when nobody asks for one: the LLM grader when {@code grading.llm} is set. */
    static String defaultKind(Provider llm) {
        return llm == Provider.OFF ? OFFLINE : LLM;
    }
}
