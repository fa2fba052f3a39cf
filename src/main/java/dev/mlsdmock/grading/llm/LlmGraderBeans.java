package dev.mlsdmock.grading.llm;

import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.prompt.PromptLibrary;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the LLM grader, a plain class (the AI call is a function) so it can be tested without Quarkus. */
public class LlmGraderBeans {

    @Produces
    @Singleton
    LlmGrader llmGrader(LlmGraderAi ai, GradingConfig config, PromptLibrary prompts,
                        @ConfigProperty(name = "quarkus.langchain4j.openai.grader.chat-model.model-name",
                                defaultValue = "gpt-4o-mini") String modelName) {
        return new LlmGrader(ai::gradeStage, modelName, config.samples(), prompts::text);
    }
}
