package dev.mlsdmock.grading.llm;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Derives the grader model's connection settings from the one switch {@code grading.llm}, so a user sets one
 * property instead of five: {@code off} leaves the model disabled (no key needed, nothing is ever sent);
 * {@code openai} reuses the default {@code quarkus.langchain4j.openai.*} base URL, key and model; {@code ollama}
 * points at a local Ollama's OpenAI-compatible endpoint. These are defaults with a low ordinal: anything set
 * explicitly under {@code quarkus.langchain4j.openai.grader.*} wins. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class GraderModelDefaults implements ConfigSourceFactory {

    static final String PREFIX = "quarkus.langchain4j.openai.grader.";
    static final String OLLAMA_BASE_URL = "http://localhost:11434/v1/";
    static final String OLLAMA_MODEL = "llama3.1";
    private static final int ORDINAL = 150; // below application.properties (250): explicit settings win

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        String mode = value(context, "grading.llm", "off").toLowerCase(Locale.ROOT);
        Map<String, String> props = new HashMap<>();
        props.put(PREFIX + "enable-integration", Boolean.toString(!mode.equals("off")));
        if (mode.equals("ollama")) {
            props.put(PREFIX + "base-url", OLLAMA_BASE_URL);
            props.put(PREFIX + "api-key", "ollama");
            props.put(PREFIX + "chat-model.model-name", OLLAMA_MODEL);
        } else {
            copy(context, props, "quarkus.langchain4j.openai.base-url", PREFIX + "base-url");
            copy(context, props, "quarkus.langchain4j.openai.api-key", PREFIX + "api-key");
            copy(context, props, "quarkus.langchain4j.openai.chat-model.model-name", PREFIX + "chat-model.model-name");
        }
        props.put(PREFIX + "timeout", value(context, "quarkus.langchain4j.openai.timeout", "60s"));
        return List.of(new PropertiesConfigSource(props, "grading-llm-defaults", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static void copy(ConfigSourceContext context, Map<String, String> props, String from, String to) {
        ConfigValue v = context.getValue(from);
        if (v != null && v.getValue() != null) {
            props.put(to, v.getValue());
        }
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null ? fallback : v.getValue();
    }
}
