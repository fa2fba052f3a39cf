package dev.mlsdmock.health;

import io.quarkus.arc.Unremovable;
import io.smallrye.health.api.HealthContentFilter;
import jakarta.inject.Singleton;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Logs a line when a health check changes state ({@link ReadinessTransitions}), instead of SmallRye Health's whole
 * health JSON at INFO on every probe that finds the instance not ready (its category is at WARN in
 * application.properties). It reads the checks of each answered probe as a content filter, so no check is called
 * twice and the checks, ours or the extensions', stay unaware of logging. The payload is passed on unchanged.
 */
@Singleton
@Unremovable
public class HealthChangeLog implements HealthContentFilter {

    private static final Logger LOG = Logger.getLogger(HealthChangeLog.class);

    private final ReadinessTransitions transitions = new ReadinessTransitions();

    @Override
    public JsonObject filter(JsonObject payload) {
        for (ReadinessTransitions.Line line : changes(payload)) {
            LOG.log(line.level() == ReadinessTransitions.Level.WARN ? Logger.Level.WARN : Logger.Level.INFO, line.message());
        }
        return payload;
    }

    /** The lines this probe's answer calls for: {@code {"status", "checks": [{"name", "status"}, ...]}}. */
    List<ReadinessTransitions.Line> changes(JsonObject payload) {
        List<ReadinessTransitions.Line> lines = new ArrayList<>();
        JsonArray checks = payload.getJsonArray("checks");
        if (checks == null) {
            return lines;
        }
        for (JsonValue value : checks) {
            if (value instanceof JsonObject check && check.get("name") instanceof jakarta.json.JsonString name) {
                transitions.report(name.getString(), "UP".equals(check.getString("status", "DOWN"))).ifPresent(lines::add);
            }
        }
        return lines;
    }
}
