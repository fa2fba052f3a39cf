package dev.mlsdmock.grading.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.grading.importing.ImportRequest;
import dev.mlsdmock.grading.queue.GradeRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the JSON bodies of the grading endpoints into their request records, once, at the REST boundary. It
 * rejects what a record cannot hold (a body or turn that is not an object, a field the record does not have) with
 * 400s that name the field; values are checked by the records themselves.
 * Non-text values are read as the text a client would see in the error message ({@code "level": 5} is the
 * unknown level '5').
 */
final class RequestBodies {

    private static final Set<String> GRADE_FIELDS = Set.of("grader", "level");
    private static final Set<String> IMPORT_FIELDS = Set.of("problemId", "turns", "level");
    private static final Set<String> TURN_FIELDS = Set.of("role", "text", "at", "stage", "kind");
    private static final String TURN_SHAPE = "{\"role\", \"text\", \"at\"?}";

    private RequestBodies() {
    }

    /** {@code {"grader"?, "level"?}}, or no body at all. */
    static GradeRequest grade(JsonNode body) {
        if (body == null || body.isNull()) {
            return GradeRequest.DEFAULTS;
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("invalid_grade_request", "The body is optional; if given it is "
                    + "{\"grader\"?: \"offline\"|\"llm\", \"level\"?: \"mid\"|\"senior\"|\"staff\"}.");
        }
        onlyFields(body, GRADE_FIELDS, name -> ApiException.badRequest("invalid_grade_request", "Unknown field '" + name
                + "'; the fields are grader and level."));
        JsonNode grader = body.get("grader");
        return new GradeRequest(grader == null || grader.isNull() ? null : grader.asText(), levelText(body.get("level")));
    }

    /** {@code {"problemId", "turns": [{"role", "text", "at"?, "stage"?}], "level"?}}. */
    static ImportRequest transcript(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalidTranscript("A transcript is a JSON object: {\"problemId\", \"turns\": [" + TURN_SHAPE + "], \"level\"?}.");
        }
        onlyFields(body, IMPORT_FIELDS, name -> invalidTranscript("Unknown field '" + name
                + "'; the fields are problemId, turns and level."));
        String problemId = body.path("problemId").isTextual() ? body.get("problemId").asText() : null;
        return new ImportRequest(problemId, turns(body.get("turns")), levelText(body.get("level")));
    }

    private static List<ImportRequest.Turn> turns(JsonNode turns) {
        if (turns == null || !turns.isArray()) {
            return null; // the record's check says what "turns" must be, as for a missing one
        }
        List<ImportRequest.Turn> read = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            String path = "turns[" + i + "]";
            if (!t.isObject()) {
                throw invalidTranscript(path + " must be an object " + TURN_SHAPE + ".");
            }
            onlyFields(t, TURN_FIELDS, name -> invalidTranscript(path + "." + name
                    + " is not a turn field; the fields are role, text, at and stage."));
            JsonNode text = t.get("text");
            read.add(new ImportRequest.Turn(t.path("role").asText(""), text != null && text.isTextual() ? text.asText() : null,
                    optionalText(t.get("at")), optionalText(t.get("stage")), optionalText(t.get("kind"))));
        }
        return read;
    }

    private static String optionalText(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A level as the client wrote it: text as is, anything else as its JSON; null when missing or null. */
    private static String levelText(JsonNode level) {
        if (level == null || level.isNull()) {
            return null;
        }
        return level.isTextual() ? level.asText() : level.toString();
    }

    private static void onlyFields(JsonNode object, Set<String> allowed, Function<String, ApiException> unknown) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw unknown.apply(name);
            }
        }
    }

    private static ApiException invalidTranscript(String message) {
        return ApiException.badRequest("invalid_transcript", message);
    }
}
