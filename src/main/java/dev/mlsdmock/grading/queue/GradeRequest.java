package dev.mlsdmock.grading.queue;

import dev.mlsdmock.provider.Provider;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.rubric.Level;

/**
 * The body of {@code POST /api/interviews/{id}/grade}, {@code {"grader"?, "level"?}}: which grader and which target
 * level, each null when the client did not say. Plain Java: the checks below are the request's rules.
 */
public record GradeRequest(String grader, String level) {

    /** No body: the server's default grader at the interview's level. */
    public static final GradeRequest DEFAULTS = new GradeRequest(null, null);

    /**
     * The grader to use, {@link Grader#OFFLINE} or {@link Grader#LLM}; the default follows {@code grading.llm}.
     *
     * @throws ApiException {@code unknown_grader}, or {@code llm_not_configured} for the LLM grader when
     *                      {@code grading.llm=off}
     */
    public String grader(Provider llm) {
        String chosen = grader == null ? Grader.defaultKind(llm) : grader;
        if (!chosen.equals(Grader.OFFLINE) && !chosen.equals(Grader.LLM)) {
            throw ApiException.badRequest("unknown_grader", "There is no grader '" + chosen + "'. The graders are offline and llm.");
        }
        if (chosen.equals(Grader.LLM) && llm == Provider.OFF) {
            throw ApiException.conflict("llm_not_configured", "No LLM grader is configured on this server "
                    + "(grading.llm=off); use \"grader\": \"offline\", or see docs/grading.md to configure one.");
        }
        return chosen;
    }

    /**
     * The level to grade against: the one asked for, else the interview's own.
     *
     * @throws ApiException {@code unknown_level}
     */
    public Level level(Level interviewLevel) {
        return level == null ? interviewLevel : Level.require(level);
    }
}
