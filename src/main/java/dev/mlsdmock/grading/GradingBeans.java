package dev.mlsdmock.grading;

import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.prompt.PromptLibrary;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the two graders, which are plain classes so they can be tested and benchmarked without Quarkus. */
public class GradingBeans {

    @Produces
    @Singleton
    OfflineGrader offlineGrader(SentenceEmbedder embedder, GradingConfig config) {
        int threads = config.embeddingThreads() > 0 ? config.embeddingThreads() : Runtime.getRuntime().availableProcessors();
        return new OfflineGrader(embedder, config.matchThreshold(), GradingDefaults.EMBEDDING_MODEL, threads);
    }

    @Produces
    @Singleton
    LlmGrader llmGrader(LlmGraderAi ai, GradingConfig config, PromptLibrary prompts,
                        @ConfigProperty(name = "quarkus.langchain4j.openai.grader.chat-model.model-name",
                                defaultValue = "gpt-4o-mini") String modelName) {
        return new LlmGrader(ai::gradeStage, modelName, config.samples(), prompts::text);
    }
}
