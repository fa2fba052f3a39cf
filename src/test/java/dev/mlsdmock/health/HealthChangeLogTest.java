package dev.mlsdmock.health;

import dev.mlsdmock.health.ReadinessTransitions.Level;
import dev.mlsdmock.health.ReadinessTransitions.Line;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthChangeLogTest {

    private final HealthChangeLog log = new HealthChangeLog();

    @Test
    void readsEachProbesChecksAndPassesThePayloadOnUnchanged() {
        JsonObject loading = probe("DOWN", "UP", "DOWN");
        assertThat(log.filter(loading)).isSameAs(loading);
        for (int i = 0; i < 3; i++) {
            assertThat(log.changes(probe("DOWN", "UP", "DOWN"))).isEmpty();
        }
        assertThat(log.changes(probe("UP", "UP", "UP")))
                .containsExactly(new Line(Level.INFO, "Ready: check 'embedding-model' is UP again, no check is DOWN"));
        assertThat(log.changes(probe("DOWN", "DOWN", "UP")))
                .containsExactly(new Line(Level.WARN, "Not ready: check 'rubrics' went DOWN"));
        assertThat(log.changes(Json.createObjectBuilder().add("status", "UP").build())).isEmpty();
    }

    private static JsonObject probe(String status, String rubrics, String embedding) {
        return Json.createObjectBuilder().add("status", status).add("checks", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "rubrics").add("status", rubrics)
                        .add("data", Json.createObjectBuilder().add("loaded", 3)))
                .add(Json.createObjectBuilder().add("name", "embedding-model").add("status", embedding))).build();
    }
}
