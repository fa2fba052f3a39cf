package dev.mlsdmock.rubric;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Field access into one rubric file with errors that carry the file name and the full field path, so both
 * halves of the parser report problems the same way. A field's name is the last segment of its path.
 */
record RubricFields(String file) {

    private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    void allowOnly(JsonNode node, String path, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ok.contains(name)) {
                throw error(join(path, name), "unknown field; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    RubricException error(String path, String problem) {
        return new RubricException(file, path, problem);
    }

    JsonNode object(JsonNode parent, String name) {
        return object(parent, name, name);
    }

    JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw error(path, "is missing");
        }
        if (!node.isObject()) {
            throw error(path, "must be a mapping");
        }
        return node;
    }

    String text(JsonNode parent, String path, int maxLength) {
        JsonNode node = parent.get(last(path));
        if (node == null || node.isNull()) {
            throw error(path, "is missing");
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw error(path, "must be text");
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            throw error(path, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw error(path, "is " + value.length() + " characters; at most " + maxLength + " allowed");
        }
        return value;
    }

    int integer(JsonNode parent, String path, int min, int max) {
        JsonNode node = parent.get(last(path));
        if (node == null || node.isNull()) {
            throw error(path, "is missing");
        }
        if (!node.isInt()) {
            throw error(path, "must be a whole number");
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw error(path, "is " + value + "; it must be between " + min + " and " + max);
        }
        return value;
    }

    String id(JsonNode parent, String path) {
        String value = text(parent, path, 64);
        if (!KEBAB_ID.matcher(value).matches()) {
            throw error(path, "'" + value + "' must be lower-case kebab-case (a-z, 0-9, '-')");
        }
        return value;
    }

    List<String> strings(JsonNode parent, String path, int minSize, int maxLength) {
        JsonNode node = array(parent, path, minSize);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(itemPath, "must be non-empty text");
            }
            if (item.asText().length() > maxLength) {
                throw error(itemPath, "is longer than " + maxLength + " characters");
            }
            values.add(item.asText().strip());
        }
        return List.copyOf(values);
    }

    <T> List<T> list(JsonNode parent, String path, int minSize, BiFunction<JsonNode, String, T> item) {
        JsonNode node = array(parent, path, minSize);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!element.isObject()) {
                throw error(itemPath, "must be a mapping");
            }
            values.add(item.apply(element, itemPath));
        }
        return List.copyOf(values);
    }

    private JsonNode array(JsonNode parent, String path, int minSize) {
        JsonNode node = parent.get(last(path));
        if (node == null || !node.isArray()) {
            throw error(path, node == null ? "is missing" : "must be a list");
        }
        if (node.size() < minSize) {
            throw error(path, "needs at least " + minSize + " entr" + (minSize == 1 ? "y" : "ies"));
        }
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
