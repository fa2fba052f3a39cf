package dev.mlsdmock.prompt;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * Example phrasings of what the candidate may want from the interviewer, matched by meaning.
 *
 * @param moveOn        "let's go on to the next step"
 * @param backReference questions that point back at the interviewer's last question ("can you tell me?")
 * @param factTopics    per fact topic id, general questions about that topic
 * @param stageQuestions per stage id, questions an interviewer asks to open that stage (optional: a prompts.dir
 *                       override without them places imported answers by their signals only)
 */
public record Intents(@JsonProperty("move-on") List<String> moveOn,
                      @JsonProperty("back-reference") List<String> backReference,
                      @JsonProperty("fact-topics") Map<String, List<String>> factTopics,
                      @JsonProperty("stage-questions") Map<String, List<String>> stageQuestions) {

    Intents validate() {
        if (moveOn == null || moveOn.isEmpty()) {
            throw new IllegalArgumentException("move-on: needs at least one example phrase");
        }
        if (backReference == null || backReference.isEmpty()) {
            throw new IllegalArgumentException("back-reference: needs at least one example phrase");
        }
        if (factTopics == null || factTopics.values().stream().anyMatch(v -> v == null || v.isEmpty())) {
            throw new IllegalArgumentException("fact-topics: needs at least one example phrase per topic");
        }
        if (stageQuestions != null) {
            for (Map.Entry<String, List<String>> e : stageQuestions.entrySet()) {
                if (dev.mlsdmock.flow.Stage.fromId(e.getKey()).isEmpty()) {
                    throw new IllegalArgumentException("stage-questions: unknown stage " + e.getKey());
                }
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("stage-questions." + e.getKey() + ": needs at least one example phrase");
                }
            }
        }
        return this;
    }

    /** Per stage id, the questions that open it; empty when the file has none. */
    public Map<String, List<String>> stageQuestionsOrEmpty() {
        return stageQuestions == null ? Map.of() : stageQuestions;
    }

    public List<String> topicExamples(String topicId) {
        return factTopics.getOrDefault(topicId, List.of());
    }
}
