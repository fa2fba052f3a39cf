package dev.mlsdmock.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the embedding model is loaded and the rubric phrases are embedded (CoverageBeans warms them up in the
 * background once the HTTP server listens). Until then an answer would wait seconds for the model, so a load balancer should send
 * candidates to another instance.
 */
@Readiness
@ApplicationScoped
public class EmbeddingReadiness implements HealthCheck {

    private final SentenceEmbedder embedder;
    private final boolean warmsUp;

    public EmbeddingReadiness(SentenceEmbedder embedder, CoverageConfig config) {
        this.embedder = embedder;
        this.warmsUp = config.warmUp();
    }

    @Override
    public HealthCheckResponse call() {
        if (!warmsUp) {
            // coverage.warm-up=false: the model loads on first use by choice; nothing to wait for.
            return HealthCheckResponse.named("embedding-model").up().withData("loads", "on first use").build();
        }
        return HealthCheckResponse.named("embedding-model").status(embedder.warm()).build();
    }
}
