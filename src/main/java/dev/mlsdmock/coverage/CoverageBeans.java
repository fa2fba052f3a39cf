package dev.mlsdmock.coverage;

import dev.mlsdmock.prompt.PromptLibrary;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/** Wires the embedding model and the detector, and warms the rubric phrase vectors in the background. */
public class CoverageBeans {

    private static final Logger LOG = Logger.getLogger(CoverageBeans.class);

    @Produces
    @Singleton
    SentenceEmbedder sentenceEmbedder() {
        return new SentenceEmbedder();
    }

    @Produces
    @Singleton
    CoverageDetector coverageDetector(SentenceEmbedder embedder, CoverageConfig config, PromptLibrary prompts) {
        return new CoverageDetector(embedder,
                new CoverageDetector.Thresholds(config.signalThreshold(), config.factThreshold(), config.moveOnThreshold(),
                        config.stageBonus()),
                prompts::intents);
    }

    /**
     * Loading the model and embedding every rubric phrase takes seconds of CPU; it starts on a background thread once
     * the HTTP server listens (Quarkus fires these events asynchronously), so it does not compete with start-up for the CPU, and readiness
     * ({@link EmbeddingReadiness}) turns up when it is done (docs/operations.md, "Start-up and memory").
     */
    void warmUpAfterHttp(@ObservesAsync HttpServerStart event, SentenceEmbedder embedder, RubricRegistry rubrics,
                         PromptLibrary prompts, CoverageConfig config) {
        if (config.warmUp()) {
            warmUp(embedder, rubrics, prompts);
        }
    }

    /** The same, for a server that listens on HTTPS only. */
    void warmUpAfterHttps(@ObservesAsync HttpsServerStart event, SentenceEmbedder embedder, RubricRegistry rubrics,
                          PromptLibrary prompts, CoverageConfig config) {
        if (config.warmUp()) {
            warmUp(embedder, rubrics, prompts);
        }
    }

    private static void warmUp(SentenceEmbedder embedder, RubricRegistry rubrics, PromptLibrary prompts) {
        if (!embedder.claimWarmUp()) {
            return; // both servers started: one warm-up
        }
        Thread warm = new Thread(() -> {
            long start = System.nanoTime();
            try {
                List<String> phrases = new ArrayList<>(prompts.intents().moveOn());
                phrases.addAll(prompts.intents().backReference());
                prompts.intents().factTopics().values().forEach(phrases::addAll);
                prompts.intents().stageQuestionsOrEmpty().values().forEach(phrases::addAll);
                for (Rubric r : rubrics.all()) {
                    r.allSignals().forEach(s -> phrases.addAll(s.examples()));
                    // Fact answers too: matching a question reads them, and each would otherwise cost the first
                    // candidate who asks a second embedding call.
                    r.facts().forEach(f -> {
                        phrases.addAll(f.questions());
                        phrases.addAll(Sentences.split(f.answer()));
                    });
                }
                embedder.warmUp(phrases);
                LOG.infof("Embedding model ready: %d rubric phrases in %d ms", phrases.size(), (System.nanoTime() - start) / 1_000_000);
                // Embedding the phrases leaves tens of MB of garbage in the old generation. One full collection now,
                // once, lets the JVM hand that memory back (with the heap-free ratios of docs/operations.md) instead
                // of keeping it resident while the server idles.
                System.gc();
            } catch (RuntimeException e) {
                LOG.warn("Could not warm up the embedding model; it will load on first use", e);
            }
        }, "embedding-warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
