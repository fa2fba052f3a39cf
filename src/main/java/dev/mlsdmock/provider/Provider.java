package dev.mlsdmock.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The model providers built into the application, as {@code interviewer.llm} and {@code grading.llm} name them.
 * Both switches take the same values and read the same connection settings (see {@link ModelProviders}).
 */
public enum Provider {
    /** No model: the offline interviewer or the offline grader. */
    OFF,
    /** OpenAI or any OpenAI-compatible server, on the standard {@code quarkus.langchain4j.openai.*} keys. */
    OPENAI,
    /** A local Ollama, on the standard {@code quarkus.langchain4j.ollama.*} keys. */
    OLLAMA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider a setting names, in any case, with surrounding blanks ignored; empty for anything else. */
    public static Optional<Provider> fromId(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id().equals(v)).findFirst();
    }
}
