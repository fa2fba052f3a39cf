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
 */
public record Intents(@JsonProperty("move-on") List<String> moveOn,
                      @JsonProperty("back-reference") List<String> backReference,
                      @JsonProperty("fact-topics") Map<String, List<String>> factTopics) {

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
        return this;
    }

    public List<String> topicExamples(String topicId) {
        return factTopics.getOrDefault(topicId, List.of());
    }
}
