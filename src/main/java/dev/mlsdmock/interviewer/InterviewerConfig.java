package dev.mlsdmock.interviewer;

import dev.mlsdmock.provider.Provider;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The interviewer's settings (docs/llm.md). The provider's own connection settings stay under the standard
 * {@code quarkus.langchain4j.openai.*} / {@code quarkus.langchain4j.ollama.*} keys.
 */
@ConfigMapping(prefix = "interviewer")
public interface InterviewerConfig {

    /** Which model speaks for the interviewer: {@code off} (offline templates only), {@code openai} or {@code ollama}. */
    @WithDefault("off")
    Provider llm();

    /** How long to wait for the model's first token before the turn falls back to the offline interviewer. */
    @WithDefault("30s")
    Duration firstTokenTimeout();

    /** The longest a whole interviewer turn may take, streaming included. */
    @WithDefault("90s")
    Duration totalTimeout();

    /** The cap on tokens the model may write for one turn (OpenAI-compatible servers; Ollama: num-predict). */
    @WithDefault("400")
    int maxOutputTokens();

    /** The token budget of a new interview (prompt plus completion, all turns), unless the client asks for less. Unset: unlimited. */
    OptionalInt tokenBudget();

    /** The stage in which the interviewer announces the one deliberate requirement change. */
    @WithName("requirement-change-stage")
    @WithDefault("serve")
    String requirementChangeStage();
}
