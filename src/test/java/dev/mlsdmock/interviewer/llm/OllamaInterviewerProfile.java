package dev.mlsdmock.interviewer.llm;

import dev.mlsdmock.support.FakeOllamaServer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The application with {@code interviewer.llm=ollama}, pointed at the fake Ollama server on loopback. */
public class OllamaInterviewerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "interviewer.llm", "ollama",
                "quarkus.langchain4j.ollama.base-url", FakeOllamaServer.shared().baseUrl(),
                "quarkus.langchain4j.ollama.chat-model.model-id", "qwen2.5:3b",
                OpenAiInterviewerProfile.CLIENT + "Retry/delay", "20",
                OpenAiInterviewerProfile.CLIENT + "Retry/jitter", "0");
    }
}
