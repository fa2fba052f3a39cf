package dev.mlsdmock.interviewer.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.mlsdmock.interviewer.InterviewerConfig;
import dev.mlsdmock.provider.ModelProviders;
import dev.mlsdmock.provider.Provider;
import io.quarkiverse.langchain4j.ModelName;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * The streaming model that speaks for the interviewer, chosen at run time by {@code interviewer.llm}.
 * {@code quarkus.langchain4j.chat-model.provider} is fixed at build time, so both providers are built in: OpenAI
 * (and every OpenAI-compatible server) as the default model on the standard {@code quarkus.langchain4j.openai.*}
 * keys, Ollama as the named model {@value #OLLAMA_MODEL} whose keys {@link ModelProviders} derives from the standard
 * {@code quarkus.langchain4j.ollama.*} ones. Models are looked up lazily, so a provider that is not selected is
 * never created and needs no key.
 */
@Startup
@Unremovable
@ApplicationScoped
public class LlmModels {

    static final String OLLAMA_MODEL = ModelProviders.INTERVIEWER;

    private final InterviewerConfig config;
    private final Instance<StreamingChatModel> openAi;
    private final Instance<StreamingChatModel> ollama;
    private final Config mpConfig;

    public LlmModels(InterviewerConfig config, Instance<StreamingChatModel> openAi,
                     @ModelName(OLLAMA_MODEL) Instance<StreamingChatModel> ollama, Config mpConfig) {
        this.config = config;
        this.openAi = openAi;
        this.ollama = ollama;
        this.mpConfig = mpConfig;
        String integration = switch (config.llm()) {
            case OFF -> null;
            case OPENAI -> "quarkus.langchain4j.openai.enable-integration";
            case OLLAMA -> "quarkus.langchain4j.ollama." + OLLAMA_MODEL + ".enable-integration";
        };
        if (integration != null && !mpConfig.getOptionalValue(integration, Boolean.class).orElse(false)) {
            throw new IllegalStateException("interviewer.llm=" + config.llm().id() + " but " + integration
                    + " is set to false. Remove that setting: interviewer.llm alone switches the model on.");
        }
    }

    public boolean configured() {
        return config.llm() != Provider.OFF;
    }

    /** The selected model, or empty when {@code interviewer.llm=off}. */
    public Optional<Selected> selected() {
        return switch (config.llm()) {
            case OFF -> Optional.empty();
            case OPENAI -> Optional.of(new Selected(openAi.get(), label()));
            case OLLAMA -> Optional.of(new Selected(ollama.get(), label()));
        };
    }

    /** What is recorded on interviews and turns, e.g. {@code openai/gpt-4o-mini}; empty when off. */
    public String label() {
        return switch (config.llm()) {
            case OFF -> "";
            case OPENAI -> "openai/" + mpConfig.getOptionalValue("quarkus.langchain4j.openai.chat-model.model-name", String.class)
                    .orElse("gpt-4o-mini");
            case OLLAMA -> "ollama/" + mpConfig.getOptionalValue("quarkus.langchain4j.ollama." + OLLAMA_MODEL
                    + ".chat-model.model-id", String.class).orElse("llama3.2");
        };
    }

    public Provider provider() {
        return config.llm();
    }

    public record Selected(StreamingChatModel model, String label) {
    }
}
