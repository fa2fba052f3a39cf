package dev.mlsdmock.provider;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelProvidersTest {

    @Test
    void withBothSwitchesOffNoModelIsEnabled() {
        Map<String, String> derived = derive(Map.of());
        assertThat(derived).containsEntry("quarkus.langchain4j.openai.enable-integration", "false")
                .containsEntry("quarkus.langchain4j.ollama.interviewer.enable-integration", "false")
                .containsEntry("quarkus.langchain4j.openai.grader.enable-integration", "false");
    }

    @Test
    void theInterviewerOnOpenAiEnablesOnlyTheDefaultModel() {
        Map<String, String> derived = derive(Map.of("interviewer.llm", "openai"));
        assertThat(derived).containsEntry("quarkus.langchain4j.openai.enable-integration", "true")
                .containsEntry("quarkus.langchain4j.ollama.interviewer.enable-integration", "false")
                .containsEntry("quarkus.langchain4j.openai.grader.enable-integration", "false");
    }

    @Test
    void theSwitchIgnoresCaseAndBlanks() {
        assertThat(derive(Map.of("interviewer.llm", " OpenAI "))).containsEntry("quarkus.langchain4j.openai.enable-integration", "true");
        assertThat(Provider.fromId("Ollama")).contains(Provider.OLLAMA);
        assertThat(Provider.fromId("claude")).isEmpty();
    }

    @Test
    void bothRolesOnOllamaReadTheSameServerAndModel() {
        Map<String, String> derived = derive(Map.of("interviewer.llm", "ollama", "grading.llm", "ollama",
                "quarkus.langchain4j.ollama.base-url", "http://gpu-box:11434/",
                "quarkus.langchain4j.ollama.chat-model.model-id", "qwen2.5:7b"));
        assertThat(derived).containsEntry("quarkus.langchain4j.ollama.interviewer.enable-integration", "true")
                .containsEntry("quarkus.langchain4j.ollama.interviewer.base-url", "http://gpu-box:11434/")
                .containsEntry("quarkus.langchain4j.ollama.interviewer.chat-model.model-id", "qwen2.5:7b")
                .containsEntry("quarkus.langchain4j.openai.grader.enable-integration", "true")
                .containsEntry("quarkus.langchain4j.openai.grader.base-url", "http://gpu-box:11434/v1/")
                .containsEntry("quarkus.langchain4j.openai.grader.chat-model.model-name", "qwen2.5:7b")
                .containsEntry("quarkus.langchain4j.openai.enable-integration", "false");
    }

    @Test
    void theGraderOnOpenAiReusesTheOpenAiConnection() {
        Map<String, String> derived = derive(Map.of("grading.llm", "openai",
                "quarkus.langchain4j.openai.base-url", "http://gateway/v1/",
                "quarkus.langchain4j.openai.api-key", "sk-test",
                "quarkus.langchain4j.openai.chat-model.model-name", "gpt-4.1"));
        assertThat(derived).containsEntry("quarkus.langchain4j.openai.grader.enable-integration", "true")
                .containsEntry("quarkus.langchain4j.openai.grader.base-url", "http://gateway/v1/")
                .containsEntry("quarkus.langchain4j.openai.grader.api-key", "sk-test")
                .containsEntry("quarkus.langchain4j.openai.grader.chat-model.model-name", "gpt-4.1");
    }

    private static Map<String, String> derive(Map<String, String> settings) {
        ConfigSource source = new ModelProviders().getConfigSources(new Context(settings)).iterator().next();
        assertThat(source.getOrdinal()).as("explicit settings must win").isLessThan(250);
        return source.getProperties();
    }

    private record Context(Map<String, String> settings) implements ConfigSourceContext {
        @Override
        public ConfigValue getValue(String name) {
            String value = settings.get(name);
            return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
        }

        @Override
        public List<String> getProfiles() {
            return List.of();
        }

        @Override
        public Iterator<String> iterateNames() {
            return settings.keySet().iterator();
        }
    }
}
