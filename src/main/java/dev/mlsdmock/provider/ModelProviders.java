package dev.mlsdmock.provider;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The one place that turns the two provider switches into quarkus-langchain4j settings (docs/llm.md, "Choose a
 * provider"). {@code interviewer.llm} and {@code grading.llm} each take {@code off}, {@code openai} or
 * {@code ollama}; both read the same standard connection keys ({@code quarkus.langchain4j.openai.*},
 * {@code quarkus.langchain4j.ollama.*}), so a user configures a provider once and points either role at it.
 * <ul>
 *   <li>The interviewer streams: OpenAI through the default chat model, Ollama through its native API as the named
 *       model {@value #INTERVIEWER}.</li>
 *   <li>The grader asks for JSON at temperature 0 through its own OpenAI-compatible model {@value #GRADER}; for
 *       Ollama that is Ollama's {@code /v1} endpoint with the same base URL and model as the interviewer's.</li>
 * </ul>
 * A model whose role is off has its integration switched off, so nothing needs a key or a running server until it
 * is chosen. These are defaults with a low ordinal: anything set explicitly (per role under
 * {@code quarkus.langchain4j.ollama.interviewer.*} or {@code quarkus.langchain4j.openai.grader.*}) wins. An
 * unknown value is left for the typed configuration ({@code InterviewerConfig}, {@code GradingConfig}) to reject
 * with the list of valid ones. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class ModelProviders implements ConfigSourceFactory {

    public static final String INTERVIEWER = "interviewer";
    public static final String GRADER = "grader";
    static final String OPENAI = "quarkus.langchain4j.openai.";
    static final String OLLAMA = "quarkus.langchain4j.ollama.";
    static final String OLLAMA_URL = "http://localhost:11434";
    static final String OLLAMA_MODEL = "llama3.2";
    private static final int ORDINAL = 150; // below application.properties (250): explicit settings win

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> props = new HashMap<>();
        interviewer(context, Provider.fromId(value(context, "interviewer.llm", "off")).orElse(Provider.OFF), props);
        grader(context, Provider.fromId(value(context, "grading.llm", "off")).orElse(Provider.OFF), props);
        return List.of(new PropertiesConfigSource(props, "model-providers", ORDINAL));
    }

    static void interviewer(ConfigSourceContext context, Provider provider, Map<String, String> props) {
        props.put(OPENAI + "enable-integration", Boolean.toString(provider == Provider.OPENAI));
        props.put(OLLAMA + "enable-integration", "false"); // the interviewer's Ollama model is the named one below
        String ollama = OLLAMA + INTERVIEWER + ".";
        props.put(ollama + "enable-integration", Boolean.toString(provider == Provider.OLLAMA));
        props.put(ollama + "base-url", value(context, OLLAMA + "base-url", OLLAMA_URL));
        props.put(ollama + "timeout", value(context, OLLAMA + "timeout", "120s"));
        props.put(ollama + "chat-model.model-id", value(context, OLLAMA + "chat-model.model-id", OLLAMA_MODEL));
        props.put(ollama + "chat-model.temperature", value(context, OLLAMA + "chat-model.temperature", "0.6"));
        props.put(ollama + "chat-model.num-predict", value(context, "interviewer.max-output-tokens", "400"));
    }

    static void grader(ConfigSourceContext context, Provider provider, Map<String, String> props) {
        String grader = OPENAI + GRADER + ".";
        props.put(grader + "enable-integration", Boolean.toString(provider != Provider.OFF));
        if (provider == Provider.OLLAMA) {
            props.put(grader + "base-url", value(context, OLLAMA + "base-url", OLLAMA_URL).replaceAll("/+$", "") + "/v1/");
            props.put(grader + "api-key", "ollama");
            props.put(grader + "chat-model.model-name", value(context, OLLAMA + "chat-model.model-id", OLLAMA_MODEL));
        } else {
            copy(context, props, OPENAI + "base-url", grader + "base-url");
            copy(context, props, OPENAI + "api-key", grader + "api-key");
            copy(context, props, OPENAI + "chat-model.model-name", grader + "chat-model.model-name");
        }
        props.put(grader + "timeout", value(context, OPENAI + "timeout", "60s"));
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
