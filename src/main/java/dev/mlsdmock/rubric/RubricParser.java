package dev.mlsdmock.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric.Criterion;
import dev.mlsdmock.rubric.Rubric.Expectation;
import dev.mlsdmock.rubric.Rubric.Fact;
import dev.mlsdmock.rubric.Rubric.RedFlag;
import dev.mlsdmock.rubric.Rubric.Signal;
import dev.mlsdmock.rubric.Rubric.StageRubric;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads and validates one rubric file. Validation is strict (unknown keys are errors) because a typo in a
 * hand-written YAML file would otherwise silently drop a signal; every error names the file and the field path.
 */
public final class RubricParser {

    private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<FactTopic> REQUIRED_TOPICS = EnumSet.of(FactTopic.BUSINESS_GOAL, FactTopic.USERS,
            FactTopic.SCALE, FactTopic.LATENCY, FactTopic.DATA, FactTopic.CONSTRAINTS);
    private static final int MIN_SIGNALS_PER_STAGE = 2;
    private static final int MAX_CRITERIA_PER_STAGE = 3;

    private final YAMLMapper yaml = new YAMLMapper();

    /**
     * @param fileName where the file was read from, e.g. {@code rubrics/ad-click-prediction.yaml}; the rubric id
     *                 must match its base name
     */
    public Rubric parse(String fileName, String text) {
        Reader r = new Reader(fileName);
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RubricException(fileName, "", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new RubricException(fileName, "", "must be a YAML mapping with id, title, summary, opening, facts and stages");
        }
        r.allowOnly(root, "", "id", "title", "summary", "opening", "facts", "reference", "expectations", "stages");

        String id = r.id(root, "id");
        String expected = fileName.substring(fileName.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        if (!id.equals(expected)) {
            throw new RubricException(fileName, "id", "is '" + id + "' but must equal the file name '" + expected + "'");
        }
        String title = r.text(root, "title", 80);
        String summary = r.text(root, "summary", 200);
        String opening = r.text(root, "opening", 2000);
        if (opening.contains("?")) {
            throw new RubricException(fileName, "opening", "must state the problem without a question; the interviewer "
                    + "adds the one question of its first turn");
        }

        Set<String> factIds = new HashSet<>();
        List<Fact> facts = r.list(root, "facts", 1, (node, path) -> {
            r.allowOnly(node, path, "id", "topic", "questions", "answer");
            String factId = r.id(node, path + ".id");
            if (!factIds.add(factId)) {
                throw new RubricException(fileName, path + ".id", "duplicate fact id '" + factId + "'");
            }
            String topicText = r.text(node, path + ".topic", 40);
            FactTopic topic = FactTopic.fromId(topicText).orElseThrow(() -> new RubricException(fileName,
                    path + ".topic", "'" + topicText + "' is not one of business-goal, users, scale, latency, data, constraints, other"));
            List<String> questions = r.strings(node, path + ".questions", 1, 300);
            String answer = r.text(node, path + ".answer", 1000);
            if (answer.contains("?")) {
                throw new RubricException(fileName, path + ".answer", "must be a statement: an interviewer turn asks only one question");
            }
            return new Fact(factId, topic, questions, answer);
        });
        Set<FactTopic> missing = EnumSet.copyOf(REQUIRED_TOPICS);
        facts.forEach(f -> missing.remove(f.topic()));
        if (!missing.isEmpty()) {
            throw new RubricException(fileName, "facts", "no fact about " + missing.stream().map(FactTopic::id).toList()
                    + "; every problem must answer business-goal, users, scale, latency, data and constraints");
        }

        JsonNode stagesNode = r.object(root, "stages");
        Map<Stage, StageRubric> stages = new EnumMap<>(Stage.class);
        Set<String> signalIds = new HashSet<>();
        Set<String> criterionIds = new HashSet<>();
        for (Iterator<String> names = stagesNode.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (Stage.fromId(name).isEmpty()) {
                throw new RubricException(fileName, "stages." + name, "unknown stage; the stages are "
                        + java.util.Arrays.stream(Stage.values()).map(Stage::id).toList());
            }
        }
        for (Stage stage : Stage.values()) {
            String path = "stages." + stage.id();
            JsonNode node = r.object(stagesNode, stage.id(), path);
            r.allowOnly(node, path, "signals", "red-flags", "criteria");
            List<Signal> signals = r.list(node, path + ".signals", MIN_SIGNALS_PER_STAGE, (s, sPath) -> {
                r.allowOnly(s, sPath, "id", "description", "examples", "keywords", "probe");
                String signalId = r.id(s, sPath + ".id");
                if (!signalIds.add(signalId)) {
                    throw new RubricException(fileName, sPath + ".id", "duplicate signal id '" + signalId + "'");
                }
                String probe = r.text(s, sPath + ".probe", 400);
                if (!probe.endsWith("?")) {
                    throw new RubricException(fileName, sPath + ".probe", "must be a single question ending with '?'");
                }
                if (probe.indexOf('?') != probe.length() - 1) {
                    throw new RubricException(fileName, sPath + ".probe", "must ask exactly one question (one '?')");
                }
                List<String> keywords = s.has("keywords") ? r.strings(s, sPath + ".keywords", 0, 60) : List.of();
                return new Signal(signalId, r.text(s, sPath + ".description", 300),
                        r.strings(s, sPath + ".examples", 1, 400), keywords, probe);
            });
            List<RedFlag> redFlags = r.list(node, path + ".red-flags", 1, (f, fPath) -> {
                r.allowOnly(f, fPath, "id", "description");
                return new RedFlag(r.id(f, fPath + ".id"), r.text(f, fPath + ".description", 300));
            });
            Set<String> stageSignals = new HashSet<>();
            signals.forEach(s -> stageSignals.add(s.id()));
            List<Criterion> criteria = r.list(node, path + ".criteria", 1, (c, cPath) ->
                    criterion(r, c, cPath, stage, stageSignals, criterionIds));
            if (criteria.size() > MAX_CRITERIA_PER_STAGE) {
                throw new RubricException(fileName, path + ".criteria", "has " + criteria.size() + " criteria; at most "
                        + MAX_CRITERIA_PER_STAGE + " per stage keep a scorecard readable");
            }
            stages.put(stage, new StageRubric(signals, redFlags, criteria));
        }
        String reference = r.text(root, "reference", 4000);
        Map<Level, Expectation> expectations = expectations(r, r.object(root, "expectations"));
        return new Rubric(id, title, summary, opening.strip(), facts, stages, reference, expectations, version(text));
    }

    private static Criterion criterion(Reader r, JsonNode c, String path, Stage stage, Set<String> stageSignals,
                                       Set<String> criterionIds) {
        r.allowOnly(c, path, "id", "weight", "looks-for", "signals", "levels");
        String id = r.id(c, path + ".id");
        if (!criterionIds.add(id)) {
            throw new RubricException(r.file(), path + ".id", "duplicate criterion id '" + id + "'");
        }
        int weight = r.integer(c, path + ".weight", 1, 5);
        String looksFor = r.text(c, path + ".looks-for", 600);
        List<String> signals = r.strings(c, path + ".signals", 1, 64);
        for (int i = 0; i < signals.size(); i++) {
            if (!stageSignals.contains(signals.get(i))) {
                throw new RubricException(r.file(), path + ".signals[" + i + "]", "'" + signals.get(i)
                        + "' is not a signal of the " + stage.id() + " stage; known: " + new java.util.TreeSet<>(stageSignals));
            }
        }
        JsonNode levelsNode = r.object(c, "levels", path + ".levels");
        List<String> levels = new ArrayList<>();
        for (Iterator<String> names = levelsNode.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.matches("[0-3]")) {
                throw new RubricException(r.file(), path + ".levels." + name, "unknown score; the levels are 0, 1, 2 and 3");
            }
        }
        for (int score = 0; score <= 3; score++) {
            levels.add(r.text(levelsNode, path + ".levels." + score, 600));
        }
        return new Criterion(id, stage, weight, looksFor, signals, List.copyOf(levels));
    }

    private static Map<Level, Expectation> expectations(Reader r, JsonNode node) {
        String[] keys = {"strong-hire", "hire", "lean-hire", "lean-no-hire"};
        r.allowOnly(node, "expectations", java.util.Arrays.stream(Level.values()).map(Level::id).toArray(String[]::new));
        Map<Level, Expectation> byLevel = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            String path = "expectations." + level.id();
            JsonNode e = r.object(node, level.id(), path);
            r.allowOnly(e, path, keys);
            int[] v = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                v[i] = r.integer(e, path + "." + keys[i], 0, 100);
                if (i > 0 && v[i] >= v[i - 1]) {
                    throw new RubricException(r.file(), path + "." + keys[i], "is " + v[i] + " but must be below "
                            + keys[i - 1] + " (" + v[i - 1] + "): the thresholds go down from strong-hire to lean-no-hire");
                }
            }
            byLevel.put(level, new Expectation(v[0], v[1], v[2], v[3]));
        }
        return Map.copyOf(byLevel);
    }

    /** A short content hash: a scorecard records which wording of the rubric it was graded against. */
    static String version(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Field access with errors that carry the file name and the full field path. */
    private record Reader(String file) {

        void allowOnly(JsonNode node, String path, String... allowed) {
            Set<String> ok = Set.of(allowed);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!ok.contains(name)) {
                    throw new RubricException(file, join(path, name), "unknown field; allowed here: " + String.join(", ", allowed));
                }
            }
        }

        JsonNode object(JsonNode parent, String name) {
            return object(parent, name, name);
        }

        JsonNode object(JsonNode parent, String name, String path) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                throw new RubricException(file, path, "is missing");
            }
            if (!node.isObject()) {
                throw new RubricException(file, path, "must be a mapping");
            }
            return node;
        }

        String text(JsonNode parent, String path, int maxLength) {
            JsonNode node = parent.get(last(path));
            if (node == null || node.isNull()) {
                throw new RubricException(file, path, "is missing");
            }
            if (!node.isTextual() && !node.isNumber()) {
                throw new RubricException(file, path, "must be text");
            }
            String value = node.asText().strip();
            if (value.isEmpty()) {
                throw new RubricException(file, path, "must not be empty");
            }
            if (value.length() > maxLength) {
                throw new RubricException(file, path, "is " + value.length() + " characters; at most " + maxLength + " allowed");
            }
            return value;
        }

        int integer(JsonNode parent, String path, int min, int max) {
            JsonNode node = parent.get(last(path));
            if (node == null || node.isNull()) {
                throw new RubricException(file, path, "is missing");
            }
            if (!node.isInt()) {
                throw new RubricException(file, path, "must be a whole number");
            }
            int value = node.asInt();
            if (value < min || value > max) {
                throw new RubricException(file, path, "is " + value + "; it must be between " + min + " and " + max);
            }
            return value;
        }

        String id(JsonNode parent, String path) {
            String value = text(parent, path, 64);
            if (!KEBAB_ID.matcher(value).matches()) {
                throw new RubricException(file, path, "'" + value + "' must be lower-case kebab-case (a-z, 0-9, '-')");
            }
            return value;
        }

        List<String> strings(JsonNode parent, String path, int minSize, int maxLength) {
            JsonNode node = parent.get(last(path));
            if (node == null || !node.isArray()) {
                throw new RubricException(file, path, node == null ? "is missing" : "must be a list");
            }
            if (node.size() < minSize) {
                throw new RubricException(file, path, "needs at least " + minSize + " entr" + (minSize == 1 ? "y" : "ies"));
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String itemPath = path + "[" + i + "]";
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw new RubricException(file, itemPath, "must be non-empty text");
                }
                if (item.asText().length() > maxLength) {
                    throw new RubricException(file, itemPath, "is longer than " + maxLength + " characters");
                }
                values.add(item.asText().strip());
            }
            return List.copyOf(values);
        }

        <T> List<T> list(JsonNode parent, String path, int minSize, BiFunction<JsonNode, String, T> item) {
            JsonNode node = parent.get(last(path));
            if (node == null || !node.isArray()) {
                throw new RubricException(file, path, node == null ? "is missing" : "must be a list");
            }
            if (node.size() < minSize) {
                throw new RubricException(file, path, "needs at least " + minSize + " entr" + (minSize == 1 ? "y" : "ies"));
            }
            List<T> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String itemPath = path + "[" + i + "]";
                if (!element.isObject()) {
                    throw new RubricException(file, itemPath, "must be a mapping");
                }
                values.add(item.apply(element, itemPath));
            }
            return List.copyOf(values);
        }

        private static String last(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
