package dev.mlsdmock.support;

import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.prompt.PromptConfig;
import dev.mlsdmock.prompt.PromptLibrary;

import java.nio.file.Path;

/** The shipped prompt files and a detector on the real embedding model, built without Quarkus for unit tests. */
public final class TestPrompts {

    private static final SentenceEmbedder EMBEDDER = new SentenceEmbedder();

    private TestPrompts() {
    }

    public static PromptLibrary library() {
        return new PromptLibrary(new PromptConfig() {
            @Override
            public Path dir() {
                return Path.of("prompts");
            }

            @Override
            public boolean reload() {
                return false;
            }
        });
    }

    /** The detector with the application's default thresholds (application.properties). */
    public static CoverageDetector detector() {
        return new CoverageDetector(EMBEDDER, new CoverageDetector.Thresholds(0.55, 0.45, 0.72, 0.06), library()::intents);
    }
}
