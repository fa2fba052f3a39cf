package dev.mlsdmock.rubric;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with at least one problem loaded: without a rubric no interview can start. */
@Readiness
@ApplicationScoped
public class RubricsReadiness implements HealthCheck {

    private final RubricRegistry rubrics;

    public RubricsReadiness(RubricRegistry rubrics) {
        this.rubrics = rubrics;
    }

    @Override
    public HealthCheckResponse call() {
        int loaded = rubrics.all().size();
        return HealthCheckResponse.named("rubrics").status(loaded > 0).withData("loaded", loaded).build();
    }
}
