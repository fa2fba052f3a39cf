package dev.mlsdmock.prompt;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mlsdmock.flow.Stage;

import java.util.List;
import java.util.Map;

/**
 * How a stage drill opens and closes, from {@code prompts/drills.yaml}: the offline templates, the LLM's
 * instructions, and per stage the fact topics and the settled earlier steps its opening gives.
 */
public record DrillPhrases(
        String opening,
        @JsonProperty("context-facts") String contextFacts,
        @JsonProperty("context-given") String contextGiven,
        @JsonProperty("facts-by-stage") Map<String, List<String>> factsByStage,
        @JsonProperty("given-by-stage") Map<String, List<String>> givenByStage,
        String closing,
        @JsonProperty("closing-requested") String closingRequested,
        @JsonProperty("closing-over-time") String closingOverTime,
        @JsonProperty("ended-early") String endedEarly,
        Llm llm) {

    public static final String FILE = "drills.yaml";

    /** The LLM interviewer's instructions for a drill's first and last turn. */
    public record Llm(String open, String close, @JsonProperty("end-early") String endEarly) {
    }

    /** The fact topic ids (e.g. {@code business-goal}) whose answers a drill of the stage opens with. */
    public List<String> factTopics(Stage stage) {
        return factsByStage.get(stage.id());
    }

    /** The earlier stages a drill of the stage takes as settled. */
    public List<Stage> given(Stage stage) {
        return givenByStage.get(stage.id()).stream().map(Stage::of).toList();
    }

    DrillPhrases validate() {
        for (var field : Map.of("opening", nonNull(opening), "context-facts", nonNull(contextFacts),
                "context-given", nonNull(contextGiven), "closing", nonNull(closing),
                "closing-requested", nonNull(closingRequested), "closing-over-time", nonNull(closingOverTime),
                "ended-early", nonNull(endedEarly)).entrySet()) {
            if (field.getValue().isBlank()) {
                throw new IllegalArgumentException(field.getKey() + ": is missing or empty");
            }
        }
        if (llm == null || nonNull(llm.open()).isBlank() || nonNull(llm.close()).isBlank() || nonNull(llm.endEarly()).isBlank()) {
            throw new IllegalArgumentException("llm: needs open, close and end-early");
        }
        if (!opening.contains("{question}") || !opening.strip().endsWith("{question}")) {
            throw new IllegalArgumentException("opening: must end with {question}, the turn's one question");
        }
        for (String text : List.of(closing, closingRequested, closingOverTime, endedEarly)) {
            if (text.contains("?")) {
                throw new IllegalArgumentException("'" + text + "' must be a statement: a drill's last turn asks nothing");
            }
        }
        for (Stage stage : Stage.values()) {
            if (factsByStage == null || factsByStage.get(stage.id()) == null) {
                throw new IllegalArgumentException("facts-by-stage." + stage.id() + ": is missing (use [] for none)");
            }
            if (givenByStage == null || givenByStage.get(stage.id()) == null) {
                throw new IllegalArgumentException("given-by-stage." + stage.id() + ": is missing (use [] for none)");
            }
            for (String given : givenByStage.get(stage.id())) {
                Stage earlier = Stage.fromId(given).orElseThrow(() -> new IllegalArgumentException(
                        "given-by-stage." + stage.id() + ": '" + given + "' is not a stage id"));
                if (earlier.ordinal() >= stage.ordinal()) {
                    throw new IllegalArgumentException("given-by-stage." + stage.id() + ": '" + given
                            + "' is not an earlier step");
                }
            }
        }
        return this;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
