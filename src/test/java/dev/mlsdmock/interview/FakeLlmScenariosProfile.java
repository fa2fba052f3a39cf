package dev.mlsdmock.interview;

import dev.mlsdmock.support.FakeOpenAiStreamingServer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The application with {@code interviewer.llm=openai} on the fake OpenAI-compatible server, with the default
 * timeouts: the scenarios test what the model is told and what the server decides, not timeouts, so a busy build
 * machine must not turn a slow first token into an offline fallback.
 */
public class FakeLlmScenariosProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "interviewer.llm", "openai",
                "quarkus.langchain4j.openai.base-url", FakeOpenAiStreamingServer.shared().baseUrl(),
                "quarkus.langchain4j.openai.api-key", FakeOpenAiStreamingServer.API_KEY);
    }
}
