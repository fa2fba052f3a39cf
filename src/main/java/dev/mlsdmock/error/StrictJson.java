package dev.mlsdmock.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.stream.Collectors;

/**
 * Reads client JSON into typed records, strictly: a number or boolean where text belongs, or a field the record
 * does not have, is an error rather than a silent guess. Every failure becomes a 400 {@link ApiException} whose
 * message names the field (e.g. {@code turns[3].text}), so a client learns exactly what to fix.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictJson() {
    }

    /**
     * @param code  the error code of every failure, e.g. {@code invalid_import}
     * @param shape what a valid body looks like, appended to every message
     */
    public static <T> T read(JsonNode body, Class<T> type, String code, String shape) {
        try {
            return MAPPER.treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(code, "Unknown field '" + path(e) + "'. " + shape);
        } catch (JsonMappingException e) {
            throw ApiException.badRequest(code, "'" + path(e) + "' has the wrong type. " + shape);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(code, "The body is not valid JSON. " + shape);
        }
    }

    /** Parses text (a WebSocket frame, say) into a tree; malformed JSON is a 400 with {@code code}. */
    public static JsonNode tree(String text, String code, String message) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(code, message);
        }
    }

    /** The field a mapping error is about, as a JSON path ({@code turns[3].text}). */
    static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
