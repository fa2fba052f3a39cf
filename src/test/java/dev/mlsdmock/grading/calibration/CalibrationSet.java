package dev.mlsdmock.grading.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of labelled transcripts: {@code <folder>/<problem-id>/<quality>[-<variant>].yaml}, each with
 * {@code turns: [{role, text, stage?}]} and an optional {@code expected: 0-3}. The quality names the expected level:
 * {@code strong} 3, {@code mediocre} 2, {@code weak} 1; {@code keyword-stuffed} and {@code injection} are expected
 * to earn no more than the weak answer (level 1, and a margin checked on its own). A variant ({@code -terse},
 * {@code -reordered}, {@code -staged}, ...) is the same content as its base file told differently, and is compared
 * with it.
 */
final class CalibrationSet {

    private static final YAMLMapper YAML = new YAMLMapper();

    private CalibrationSet() {
    }

    /** One turn as written; {@code stage} is null when the file leaves it to the import's inference. */
    record Turn(Role role, String text, Stage stage) {
    }

    /**
     * @param quality strong, mediocre, weak, keyword-stuffed or injection
     * @param variant the part of the name after the quality, or null for a base transcript
     */
    record Sample(String problemId, String name, String quality, String variant, int expected, List<Turn> turns) {

        boolean adversarial() {
            return quality.equals("keyword-stuffed") || quality.equals("injection");
        }

        String id() {
            return problemId + "/" + name;
        }
    }

    static List<Sample> load(Path folder) {
        return load(folder, null);
    }

    /** @param only the problem ids to load, or null for every problem folder */
    static List<Sample> load(Path folder, java.util.Set<String> only) {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> problems = Files.list(folder)) {
            for (Path dir : problems.filter(Files::isDirectory).sorted()
                    .filter(d -> only == null || only.contains(d.getFileName().toString())).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                        samples.add(read(dir.getFileName().toString(), file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("No <problem>/<quality>.yaml transcripts under " + folder.toAbsolutePath());
        }
        return samples;
    }

    /** {@code calibration.problems}: comma-separated problem ids, or null for all. */
    static java.util.Set<String> problems(String property) {
        return property == null || property.isBlank() ? null
                : java.util.Set.of(property.strip().split("\\s*,\\s*"));
    }

    private static Sample read(String problemId, Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String quality = Stream.of("keyword-stuffed", "injection", "strong", "mediocre", "weak")
                .filter(q -> name.equals(q) || name.startsWith(q + "-")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": the name must start with strong, mediocre, "
                        + "weak, keyword-stuffed or injection"));
        String variant = name.length() > quality.length() ? name.substring(quality.length() + 1) : null;
        JsonNode root = YAML.readTree(file.toFile());
        int expected = root.has("expected") ? root.get("expected").asInt() : switch (quality) {
            case "strong" -> 3;
            case "mediocre" -> 2;
            default -> 1;
        };
        List<Turn> turns = new ArrayList<>();
        for (JsonNode t : root.get("turns")) {
            Stage stage = t.hasNonNull("stage") ? Stage.of(t.get("stage").asText()) : null;
            turns.add(new Turn(Role.valueOf(t.get("role").asText().toUpperCase(Locale.ROOT)), t.get("text").asText(), stage));
        }
        return new Sample(problemId, name, quality, variant, expected, turns);
    }

    /**
     * The same answers with the evaluation exchange (the first interviewer question about evaluating and the answers
     * up to the next question) moved to just after the first answer: a candidate who talks about metrics early.
     * Empty when no interviewer turn asks about evaluation.
     */
    static List<Turn> evaluationFirst(List<Turn> turns) {
        int from = -1;
        for (int i = 2; i < turns.size() && from < 0; i++) {
            if (turns.get(i).role() == Role.INTERVIEWER && turns.get(i).text().toLowerCase(Locale.ROOT).contains("evaluat")) {
                from = i;
            }
        }
        if (from < 0) {
            return List.of();
        }
        int to = from + 1;
        while (to < turns.size() && turns.get(to).role() != Role.INTERVIEWER) {
            to++;
        }
        List<Turn> out = new ArrayList<>(turns.subList(0, 2));
        out.addAll(turns.subList(from, to));
        out.addAll(turns.subList(2, from));
        out.addAll(turns.subList(to, turns.size()));
        return out;
    }
}
