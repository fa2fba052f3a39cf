package dev.mlsdmock.grading.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.grading.importing.ImportRequest;
import dev.mlsdmock.grading.queue.GradeRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading the JSON bodies into request records: what cannot be held is a 400 naming the field. */
class RequestBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGradeRequestIsOptionalAndHasTwoFields() {
        assertThat(RequestBodies.grade(null)).isEqualTo(GradeRequest.DEFAULTS);
        assertThat(RequestBodies.grade(json("null"))).isEqualTo(GradeRequest.DEFAULTS);
        assertThat(RequestBodies.grade(json("{}"))).isEqualTo(new GradeRequest(null, null));
        assertThat(RequestBodies.grade(json("{\"grader\":\"llm\",\"level\":\"staff\"}"))).isEqualTo(new GradeRequest("llm", "staff"));
        assertThat(RequestBodies.grade(json("{\"grader\":null,\"level\":null}"))).isEqualTo(new GradeRequest(null, null));
        // non-text values are kept as the text the error message will show
        assertThat(RequestBodies.grade(json("{\"grader\":5,\"level\":7}"))).isEqualTo(new GradeRequest("5", "7"));

        expect(() -> RequestBodies.grade(json("[1]")), "invalid_grade_request", "The body is optional; if given it is "
                + "{\"grader\"?: \"offline\"|\"llm\", \"level\"?: \"mid\"|\"senior\"|\"staff\"}.");
        expect(() -> RequestBodies.grade(json("{\"level\":\"mid\",\"x\":1}")), "invalid_grade_request",
                "Unknown field 'x'; the fields are grader and level.");
    }

    @Test
    void aTranscriptIsReadAsSent() {
        ImportRequest request = RequestBodies.transcript(json("{\"problemId\":\"p\",\"level\":\"mid\",\"turns\":["
                + "{\"role\":\"interviewer\",\"text\":\"Hi\"},{\"role\":\"candidate\",\"text\":\"Hello\",\"at\":\"2026-01-31T14:05:00Z\"}]}"));
        assertThat(request).isEqualTo(new ImportRequest("p", List.of(new ImportRequest.Turn("interviewer", "Hi", null),
                new ImportRequest.Turn("candidate", "Hello", "2026-01-31T14:05:00Z")), "mid"));

        ImportRequest loose = RequestBodies.transcript(json("{\"problemId\":5,\"level\":{\"a\":1},\"turns\":"
                + "[{\"role\":3,\"text\":4,\"at\":6},{\"text\":null,\"at\":null}]}"));
        assertThat(loose).isEqualTo(new ImportRequest(null, List.of(new ImportRequest.Turn("3", null, "6"),
                new ImportRequest.Turn("", null, null)), "{\"a\":1}"));
        assertThat(RequestBodies.transcript(json("{\"problemId\":\"p\"}")).turns()).isNull();
        assertThat(RequestBodies.transcript(json("{\"problemId\":\"p\",\"turns\":\"many\"}")).turns()).isNull();
    }

    @Test
    void aTranscriptThatIsNotShapedLikeOneIsRejectedWithTheField() {
        String shape = "A transcript is a JSON object: {\"problemId\", \"turns\": [{\"role\", \"text\", \"at\"?}], \"level\"?}.";
        expect(() -> RequestBodies.transcript(null), "invalid_transcript", shape);
        expect(() -> RequestBodies.transcript(json("[]")), "invalid_transcript", shape);
        expect(() -> RequestBodies.transcript(json("{\"problemId\":\"p\",\"turns\":[],\"extra\":true}")), "invalid_transcript",
                "Unknown field 'extra'; the fields are problemId, turns and level.");
        expect(() -> RequestBodies.transcript(json("{\"turns\":[{\"role\":\"candidate\",\"text\":\"a\"},{},\"hi\"]}")),
                "invalid_transcript", "turns[2] must be an object {\"role\", \"text\", \"at\"?}.");
        expect(() -> RequestBodies.transcript(json("{\"turns\":[{\"role\":\"candidate\",\"text\":\"a\",\"speaker\":\"me\"}]}")),
                "invalid_transcript", "turns[0].speaker is not a turn field; the fields are role, text, at and stage.");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void expect(Runnable read, String code, String message) {
        ApiException e = catchThrowableOfType(read::run, ApiException.class);
        assertThat(e).as("an ApiException").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
