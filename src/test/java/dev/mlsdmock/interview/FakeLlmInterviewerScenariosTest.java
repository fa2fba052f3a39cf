package dev.mlsdmock.interview;

import dev.mlsdmock.support.FakeModelServer;
import dev.mlsdmock.support.FakeOpenAiStreamingServer;
import dev.mlsdmock.support.WordingModel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM path of the interviewer scenarios, in the normal build: the application's OpenAI client streams every
 * turn from a fake OpenAI-compatible server on loopback whose model words only what the prompt tells it
 * ({@link WordingModel}). The same plans as offline must hold, worded by the model.
 */
@QuarkusTest
@TestProfile(FakeLlmScenariosProfile.class)
class FakeLlmInterviewerScenariosTest extends LlmInterviewerScenarios {

    private static final FakeOpenAiStreamingServer SERVER = FakeOpenAiStreamingServer.shared();

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void wordingModel() {
        SERVER.reset();
        SERVER.defaultReply(new WordingModel());
        circuitBreakers.resetAll();
    }

    @AfterEach
    void everyModelTurnWentOverTheWire() {
        assertThat(SERVER.requests()).as("requests to the fake model").isNotEmpty()
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/chat/completions"));
        FakeModelServer.Recorded last = SERVER.lastRequest();
        assertThat(last.system()).contains("# Your next turn");
    }
}
