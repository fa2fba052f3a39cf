package dev.mlsdmock.interview;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once this instance hears the other instances' frames (always on H2, where there are none). */
@Readiness
@ApplicationScoped
public class BroadcastReadiness implements HealthCheck {

    private final InterviewBroadcast broadcast;

    public BroadcastReadiness(InterviewBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("instance-broadcast").status(broadcast.listening()).build();
    }
}
