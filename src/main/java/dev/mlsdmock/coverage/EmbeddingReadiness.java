package dev.mlsdmock.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the embedding model is loaded and the rubric phrases are embedded (CoverageBeans warms them up in the
 * background at start). Until then an answer would wait seconds for the model, so a load balancer should send
 * candidates to another instance.
 */
@Readiness
@ApplicationScoped
public class EmbeddingReadiness implements HealthCheck {

    private final SentenceEmbedder embedder;

    public EmbeddingReadiness(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("embedding-model").status(embedder.warm()).build();
    }
}
