package dev.mlsdmock.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric.Criterion;
import dev.mlsdmock.rubric.Rubric.Expectation;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The grading half of one rubric file: each stage's criteria, the optional reference outline and the
 * expectations per level. One instance per file, because criterion ids must be unique across the file.
 */
final class RubricGradingParser {

    private static final int MAX_CRITERIA_PER_STAGE = 3;
    private static final String[] THRESHOLDS = {"strong-hire", "hire", "lean-hire", "lean-no-hire"};

    private final RubricFields fields;
    private final Set<String> criterionIds = new HashSet<>();

    RubricGradingParser(RubricFields fields) {
        this.fields = fields;
    }

    /** The criteria of one stage; {@code signals} are that stage's signals, the only ones a criterion may name. */
    List<Criterion> criteria(JsonNode stageNode, String stagePath, Stage stage, List<Signal> signals) {
        Map<String, Signal> byId = new LinkedHashMap<>();
        signals.forEach(s -> byId.put(s.id(), s));
        List<Criterion> criteria = fields.list(stageNode, stagePath + ".criteria", 1,
                (c, path) -> criterion(c, path, stage, byId));
        if (criteria.size() > MAX_CRITERIA_PER_STAGE) {
            throw fields.error(stagePath + ".criteria", "has " + criteria.size() + " criteria; at most "
                    + MAX_CRITERIA_PER_STAGE + " per stage keep a scorecard readable");
        }
        return criteria;
    }

    private Criterion criterion(JsonNode c, String path, Stage stage, Map<String, Signal> stageSignals) {
        // looks-for used to be written out and always repeated the signals' descriptions; a file that still has
        // it gets told where the wording lives now rather than only "unknown field".
        if (c.has("looks-for")) {
            throw fields.error(path + ".looks-for", "unknown field; looks-for is derived from the descriptions of "
                    + "the criterion's signals, so reword those instead");
        }
        fields.allowOnly(c, path, "id", "weight", "signals", "levels");
        String id = fields.id(c, path + ".id");
        if (!criterionIds.add(id)) {
            throw fields.error(path + ".id", "duplicate criterion id '" + id + "'");
        }
        int weight = fields.integer(c, path + ".weight", 1, 5);
        List<String> signals = fields.strings(c, path + ".signals", 1, 64);
        for (int i = 0; i < signals.size(); i++) {
            if (!stageSignals.containsKey(signals.get(i))) {
                throw fields.error(path + ".signals[" + i + "]", "'" + signals.get(i) + "' is not a signal of the "
                        + stage.id() + " stage; known: " + new TreeSet<>(stageSignals.keySet()));
            }
        }
        return new Criterion(id, stage, weight, looksFor(signals, stageSignals), signals, levels(c, path));
    }

    /** What a criterion looks for is what its signals describe, in the order the criterion lists them. */
    static String looksFor(List<String> signalIds, Map<String, Signal> signals) {
        return signalIds.stream().map(id -> signals.get(id).description()).collect(Collectors.joining(" "));
    }

    private List<String> levels(JsonNode c, String path) {
        JsonNode levelsNode = fields.object(c, "levels", path + ".levels");
        for (Iterator<String> names = levelsNode.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.matches("[0-3]")) {
                throw fields.error(path + ".levels." + name, "unknown score; the levels are 0, 1, 2 and 3");
            }
        }
        List<String> levels = new ArrayList<>();
        for (int score = 0; score <= 3; score++) {
            levels.add(fields.text(levelsNode, path + ".levels." + score, 600));
        }
        return List.copyOf(levels);
    }

    /**
     * The outline of a strong answer given to the LLM grader, only for what the signals do not already say;
     * absent when they say it all. Present but empty is an error, as a forgotten text usually is.
     */
    Optional<String> reference(JsonNode root) {
        if (!root.has("reference")) {
            return Optional.empty();
        }
        JsonNode node = root.get("reference");
        if (node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            throw fields.error("reference", "must not be empty; leave reference out when the signals say it all");
        }
        return Optional.of(fields.text(root, "reference", 4000));
    }

    Map<Level, Expectation> expectations(JsonNode root) {
        JsonNode node = fields.object(root, "expectations");
        fields.allowOnly(node, "expectations", Arrays.stream(Level.values()).map(Level::id).toArray(String[]::new));
        Map<Level, Expectation> byLevel = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            String path = "expectations." + level.id();
            JsonNode e = fields.object(node, level.id(), path);
            fields.allowOnly(e, path, THRESHOLDS);
            int[] v = new int[THRESHOLDS.length];
            for (int i = 0; i < THRESHOLDS.length; i++) {
                v[i] = fields.integer(e, path + "." + THRESHOLDS[i], 0, 100);
                if (i > 0 && v[i] >= v[i - 1]) {
                    throw fields.error(path + "." + THRESHOLDS[i], "is " + v[i] + " but must be below "
                            + THRESHOLDS[i - 1] + " (" + v[i - 1] + "): the thresholds go down from strong-hire to lean-no-hire");
                }
            }
            byLevel.put(level, new Expectation(v[0], v[1], v[2], v[3]));
        }
        return Map.copyOf(byLevel);
    }
}
