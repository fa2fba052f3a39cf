package dev.mlsdmock.prompt;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Example phrasings of what the candidate may want from the interviewer, matched by meaning. */
public record Intents(@JsonProperty("move-on") List<String> moveOn) {

    Intents validate() {
        if (moveOn == null || moveOn.isEmpty()) {
            throw new IllegalArgumentException("move-on: needs at least one example phrase");
        }
        return this;
    }
}
