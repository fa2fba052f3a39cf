package dev.mlsdmock.grading.queue;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** An instance that only queues (grading.worker=false), so a test can claim jobs itself and see their order. */
public class QueueOnlyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("grading.worker", "false");
    }
}
