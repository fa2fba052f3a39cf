package dev.mlsdmock.interviewer.llm;

import dev.mlsdmock.support.FakeOpenAiStreamingServer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The application with {@code interviewer.llm=openai}, pointed at the fake OpenAI-compatible server on loopback.
 * Short timeouts and retry delays keep the fault tests fast; the circuit breaker keeps its real settings.
 */
public class OpenAiInterviewerProfile implements QuarkusTestProfile {

    static final String CLIENT = "dev.mlsdmock.interviewer.llm.LlmClient/stream/";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "interviewer.llm", "openai",
                "quarkus.langchain4j.openai.base-url", FakeOpenAiStreamingServer.shared().baseUrl(),
                "quarkus.langchain4j.openai.api-key", FakeOpenAiStreamingServer.API_KEY,
                "interviewer.first-token-timeout", "1500ms",
                "interviewer.total-timeout", "3s",
                CLIENT + "Retry/delay", "20",
                CLIENT + "Retry/jitter", "0");
    }
}
