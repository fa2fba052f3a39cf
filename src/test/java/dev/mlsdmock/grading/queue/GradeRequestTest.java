package dev.mlsdmock.grading.queue;

import dev.mlsdmock.provider.Provider;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.rubric.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which grader and level a re-grade uses, and the errors for the ones this server cannot use. */
class GradeRequestTest {

    @Test
    void defaultsAreTheServersGraderAndTheInterviewsLevel() {
        assertThat(GradeRequest.DEFAULTS.grader(Provider.OFF)).isEqualTo("offline");
        assertThat(GradeRequest.DEFAULTS.grader(Provider.OLLAMA)).isEqualTo("llm");
        assertThat(GradeRequest.DEFAULTS.level(Level.MID)).isEqualTo(Level.MID);
        assertThat(new GradeRequest("offline", "staff").grader(Provider.OPENAI)).isEqualTo("offline");
        assertThat(new GradeRequest("llm", "staff").grader(Provider.OPENAI)).isEqualTo("llm");
        assertThat(new GradeRequest(null, "staff").level(Level.MID)).isEqualTo(Level.STAFF);
    }

    @Test
    void unknownOrUnavailableChoicesAreRefused() {
        ApiException grader = catchThrowableOfType(() -> new GradeRequest("magic", null).grader(Provider.OPENAI), ApiException.class);
        assertThat(grader.status()).isEqualTo(400);
        assertThat(grader.code()).isEqualTo("unknown_grader");
        assertThat(grader.getMessage()).isEqualTo("There is no grader 'magic'. The graders are offline and llm.");

        ApiException off = catchThrowableOfType(() -> new GradeRequest("llm", null).grader(Provider.OFF), ApiException.class);
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.code()).isEqualTo("llm_not_configured");
        assertThat(off.getMessage()).isEqualTo("No LLM grader is configured on this server (grading.llm=off); use "
                + "\"grader\": \"offline\", or see docs/grading.md to configure one.");

        ApiException level = catchThrowableOfType(() -> new GradeRequest(null, "intern").level(Level.SENIOR), ApiException.class);
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.code()).isEqualTo("unknown_level");
        assertThat(level.getMessage()).isEqualTo("There is no level 'intern'. The levels are [mid, senior, staff].");
    }
}
