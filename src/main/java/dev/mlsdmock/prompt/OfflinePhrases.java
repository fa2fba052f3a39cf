package dev.mlsdmock.prompt;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mlsdmock.flow.Stage;

import java.util.List;
import java.util.Map;

/** The offline interviewer's phrasing, from {@code prompts/offline-interviewer.yaml}. */
public record OfflinePhrases(
        String opening,
        @JsonProperty("stage-names") Map<String, String> stageNames,
        @JsonProperty("stage-questions") Map<String, String> stageQuestions,
        @JsonProperty("transition-covered") List<String> transitionCovered,
        @JsonProperty("transition-requested") List<String> transitionRequested,
        @JsonProperty("transition-over-time") List<String> transitionOverTime,
        @JsonProperty("probe-lead-ins") List<String> probeLeadIns,
        @JsonProperty("not-specified") String notSpecified,
        @JsonProperty("keep-going") String keepGoing,
        String closing,
        @JsonProperty("closing-requested") String closingRequested,
        @JsonProperty("closing-over-time") String closingOverTime,
        @JsonProperty("ended-early") String endedEarly,
        @JsonProperty("before-moving-on") String beforeMovingOn,
        @JsonProperty("hint-nudges") Map<String, String> hintNudges,
        @JsonProperty("hint-pointer") String hintPointer,
        @JsonProperty("hints-exhausted") String hintsExhausted,
        @JsonProperty("hint-refused") String hintRefused) {

    public String stageName(Stage stage) {
        return stageNames.get(stage.id());
    }

    public String stageQuestion(Stage stage) {
        return stageQuestions.get(stage.id());
    }

    public String hintNudge(Stage stage) {
        return hintNudges.get(stage.id());
    }

    OfflinePhrases validate() {
        require(opening, "opening");
        require(notSpecified, "not-specified");
        require(keepGoing, "keep-going");
        require(closing, "closing");
        require(endedEarly, "ended-early");
        require(closingRequested, "closing-requested");
        require(closingOverTime, "closing-over-time");
        require(beforeMovingOn, "before-moving-on");
        require(hintPointer, "hint-pointer");
        require(hintsExhausted, "hints-exhausted");
        require(hintRefused, "hint-refused");
        requireList(transitionCovered, "transition-covered");
        requireList(transitionRequested, "transition-requested");
        requireList(transitionOverTime, "transition-over-time");
        requireList(probeLeadIns, "probe-lead-ins");
        for (Stage stage : Stage.values()) {
            require(stageNames == null ? null : stageNames.get(stage.id()), "stage-names." + stage.id());
            require(hintNudges == null ? null : hintNudges.get(stage.id()), "hint-nudges." + stage.id());
            String question = stageQuestions == null ? null : stageQuestions.get(stage.id());
            require(question, "stage-questions." + stage.id());
            if (question.chars().filter(c -> c == '?').count() != 1 || !question.strip().endsWith("?")) {
                throw new IllegalArgumentException("stage-questions." + stage.id() + ": must be exactly one question ending with '?'");
            }
        }
        if (keepGoing.chars().filter(c -> c == '?').count() != 1) {
            throw new IllegalArgumentException("keep-going: must be exactly one question");
        }
        for (String text : List.of(notSpecified, closing, closingRequested, closingOverTime, endedEarly, hintsExhausted,
                hintRefused, beforeMovingOn)) {
            if (text.contains("?")) {
                throw new IllegalArgumentException("'" + text + "' must be a statement: the turn's only question comes from elsewhere");
            }
        }
        return this;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is missing or empty");
        }
    }

    private static void requireList(List<String> value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": needs at least one entry");
        }
    }
}
