package dev.mlsdmock.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Loads the calibration transcripts under {@code src/test/resources/calibration/} and the shipped rubrics. */
public final class Calibration {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Calibration() {
    }

    public static JsonNode order() {
        return read("calibration/order.yaml");
    }

    public static Rubric rubric(String problemId) {
        try {
            String text = Files.readString(Path.of("rubrics", problemId + ".yaml"), StandardCharsets.UTF_8);
            return new RubricParser().parse("rubrics/" + problemId + ".yaml", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A transcript as stored: seq from 1, every turn in the clarify stage (the graders do not rely on stages). */
    public static Transcript transcript(String problemId, String quality) {
        JsonNode turns = read("calibration/" + problemId + "/" + quality + ".yaml").get("turns");
        List<Transcript.Line> lines = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            lines.add(new Transcript.Line(i + 1, Role.valueOf(t.get("role").asText().toUpperCase(Locale.ROOT)), Stage.CLARIFY,
                    t.get("text").asText()));
        }
        return new Transcript(lines);
    }

    /** The transcript as the JSON body of {@code POST /api/interviews/import}. */
    public static String importBody(String problemId, String quality, String level) {
        JsonNode turns = read("calibration/" + problemId + "/" + quality + ".yaml").get("turns");
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.put("problemId", problemId);
        if (level != null) {
            body.put("level", level);
        }
        body.set("turns", turns);
        return body.toString();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Calibration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
