package dev.mlsdmock.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The interviewer scenarios against the LLM you configured, for people who have one (docs/interviewer.md):
 * <pre>
 * INTERVIEWER_LLM=openai QUARKUS_LANGCHAIN4J_OPENAI_API_KEY=sk-... \
 *   ./mvnw -o test -Dtest=LlmInterviewerScenariosTest -Dscenarios.interviewer=llm
 * </pre>
 * The provider is chosen and configured as for the server (docs/llm.md); the embedded database is used, so no
 * PostgreSQL is needed. Skipped unless {@code scenarios.interviewer=llm}: the normal build never calls a model.
 */
@QuarkusTest
@TestProfile(EmbeddedDatabaseProfile.class)
@EnabledIfSystemProperty(named = "scenarios.interviewer", matches = "llm")
class LlmInterviewerScenariosTest extends LlmInterviewerScenarios {
}
