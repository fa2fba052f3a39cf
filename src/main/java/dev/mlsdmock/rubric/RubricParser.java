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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates one rubric file. Validation is strict (unknown keys are errors) because a typo in a
 * hand-written YAML file would otherwise silently drop a signal; every error names the file and the field path.
 * This class reads the interview half (problem, facts, signals, red flags); {@link RubricGradingParser} the
 * grading half. The schema is described in {@code rubrics/README.md}.
 */
public final class RubricParser {

    private static final Set<FactTopic> REQUIRED_TOPICS = EnumSet.of(FactTopic.BUSINESS_GOAL, FactTopic.USERS,
            FactTopic.SCALE, FactTopic.LATENCY, FactTopic.DATA, FactTopic.CONSTRAINTS);
    private static final int MIN_SIGNALS_PER_STAGE = 2;
    private static final int MAX_HINTS = 3;

    private final YAMLMapper yaml = new YAMLMapper();

    /**
     * @param fileName where the file was read from, e.g. {@code rubrics/ad-click-prediction.yaml}; the rubric id
     *                 must match its base name
     */
    public Rubric parse(String fileName, String text) {
        RubricFields r = new RubricFields(fileName);
        JsonNode root = read(r, text);
        r.allowOnly(root, "", "id", "title", "summary", "opening", "facts", "reference", "expectations", "stages");

        String id = r.id(root, "id");
        String expected = fileName.substring(fileName.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        if (!id.equals(expected)) {
            throw r.error("id", "is '" + id + "' but must equal the file name '" + expected + "'");
        }
        String title = r.text(root, "title", 80);
        String summary = r.text(root, "summary", 200);
        String opening = r.text(root, "opening", 2000);
        if (opening.contains("?")) {
            throw r.error("opening", "must state the problem without a question; the interviewer "
                    + "adds the one question of its first turn");
        }
        List<Fact> facts = facts(r, root);
        RubricGradingParser grading = new RubricGradingParser(r);
        Map<Stage, StageRubric> stages = stages(r, root, grading);
        Optional<String> reference = grading.reference(root);
        Map<Level, Expectation> expectations = grading.expectations(root);
        return new Rubric(id, title, summary, opening.strip(), facts, stages, reference, expectations, version(text));
    }

    private JsonNode read(RubricFields r, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw r.error("", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw r.error("", "must be a YAML mapping with id, title, summary, opening, facts and stages");
        }
        return root;
    }

    private static List<Fact> facts(RubricFields r, JsonNode root) {
        Set<String> factIds = new HashSet<>();
        List<Fact> facts = r.list(root, "facts", 1, (node, path) -> {
            r.allowOnly(node, path, "id", "topic", "questions", "answer");
            String factId = r.id(node, path + ".id");
            if (!factIds.add(factId)) {
                throw r.error(path + ".id", "duplicate fact id '" + factId + "'");
            }
            String topicText = r.text(node, path + ".topic", 40);
            FactTopic topic = FactTopic.fromId(topicText).orElseThrow(() -> r.error(path + ".topic",
                    "'" + topicText + "' is not one of business-goal, users, scale, latency, data, constraints, other"));
            List<String> questions = r.strings(node, path + ".questions", 1, 300);
            String answer = r.text(node, path + ".answer", 1000);
            if (answer.contains("?")) {
                throw r.error(path + ".answer", "must be a statement: an interviewer turn asks only one question");
            }
            return new Fact(factId, topic, questions, answer);
        });
        Set<FactTopic> missing = EnumSet.copyOf(REQUIRED_TOPICS);
        facts.forEach(f -> missing.remove(f.topic()));
        if (!missing.isEmpty()) {
            throw r.error("facts", "no fact about " + missing.stream().map(FactTopic::id).toList()
                    + "; every problem must answer business-goal, users, scale, latency, data and constraints");
        }
        return facts;
    }

    private static Map<Stage, StageRubric> stages(RubricFields r, JsonNode root, RubricGradingParser grading) {
        JsonNode stagesNode = r.object(root, "stages");
        for (Iterator<String> names = stagesNode.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (Stage.fromId(name).isEmpty()) {
                throw r.error("stages." + name, "unknown stage; the stages are "
                        + Arrays.stream(Stage.values()).map(Stage::id).toList());
            }
        }
        Map<Stage, StageRubric> stages = new EnumMap<>(Stage.class);
        Set<String> signalIds = new HashSet<>();
        for (Stage stage : Stage.values()) {
            String path = "stages." + stage.id();
            JsonNode node = r.object(stagesNode, stage.id(), path);
            r.allowOnly(node, path, "signals", "red-flags", "criteria");
            List<Signal> signals = r.list(node, path + ".signals", MIN_SIGNALS_PER_STAGE,
                    (s, sPath) -> signal(r, s, sPath, signalIds));
            List<RedFlag> redFlags = r.list(node, path + ".red-flags", 1, (f, fPath) -> {
                r.allowOnly(f, fPath, "id", "description");
                return new RedFlag(r.id(f, fPath + ".id"), r.text(f, fPath + ".description", 300));
            });
            List<Criterion> criteria = grading.criteria(node, path, stage, signals);
            stages.put(stage, new StageRubric(signals, redFlags, criteria));
        }
        return stages;
    }

    private static Signal signal(RubricFields r, JsonNode s, String path, Set<String> signalIds) {
        r.allowOnly(s, path, "id", "description", "examples", "keywords", "probe", "key", "hints");
        String signalId = r.id(s, path + ".id");
        if (!signalIds.add(signalId)) {
            throw r.error(path + ".id", "duplicate signal id '" + signalId + "'");
        }
        String probe = r.text(s, path + ".probe", 400);
        if (!probe.endsWith("?")) {
            throw r.error(path + ".probe", "must be a single question ending with '?'");
        }
        if (probe.indexOf('?') != probe.length() - 1) {
            throw r.error(path + ".probe", "must ask exactly one question (one '?')");
        }
        List<String> keywords = s.has("keywords") ? r.strings(s, path + ".keywords", 0, 60) : List.of();
        String description = r.text(s, path + ".description", 300);
        return new Signal(signalId, description, r.strings(s, path + ".examples", 1, 400), keywords, probe,
                key(r, s, path), hints(r, s, path, description));
    }

    private static boolean key(RubricFields r, JsonNode s, String path) {
        if (!s.has("key")) {
            return false;
        }
        if (!s.get("key").isBoolean()) {
            throw r.error(path + ".key", "must be true or false");
        }
        return s.get("key").asBoolean();
    }

    /** Hints lead to a signal without giving it away: never its description, at most one question each. */
    private static List<String> hints(RubricFields r, JsonNode s, String path, String description) {
        if (!s.has("hints")) {
            return List.of();
        }
        List<String> hints = r.strings(s, path + ".hints", 1, 300);
        if (hints.size() > MAX_HINTS) {
            throw r.error(path + ".hints", "has " + hints.size() + " hints; at most " + MAX_HINTS
                    + " (a nudge, then more specific pointers)");
        }
        for (int i = 0; i < hints.size(); i++) {
            String hint = hints.get(i);
            if (hint.chars().filter(c -> c == '?').count() > 1) {
                throw r.error(path + ".hints[" + i + "]", "must ask at most one question (one '?')");
            }
            if (hint.equalsIgnoreCase(description)) {
                throw r.error(path + ".hints[" + i + "]", "must not repeat the signal's description: a hint points the way, never gives the answer");
            }
        }
        return hints;
    }

    /** A short content hash: a scorecard records which wording of the rubric it was graded against. */
    static String version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
