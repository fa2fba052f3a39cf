package dev.mlsdmock.grading.offline;

import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.grading.GradingDefaults;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the offline grader, a plain class so it can be tested and benchmarked without Quarkus. */
public class OfflineGraderBeans {

    @Produces
    @Singleton
    OfflineGrader offlineGrader(SentenceEmbedder embedder, GradingConfig config) {
        int threads = config.embeddingThreads() > 0 ? config.embeddingThreads() : Runtime.getRuntime().availableProcessors();
        return new OfflineGrader(embedder, config.matchThreshold(), GradingDefaults.EMBEDDING_MODEL, threads);
    }
}
