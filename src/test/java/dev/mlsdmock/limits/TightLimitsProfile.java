package dev.mlsdmock.limits;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Small limits, nearly no refill (so nothing depends on timing), and forwarded headers trusted as behind compose's
 * nginx, so each test plays a client address of its own with X-Forwarded-For.
 */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("limits.login-per-address-capacity", "6"),
                Map.entry("limits.login-per-address-refill-per-minute", "0.001"),
                Map.entry("limits.login-per-username-capacity", "3"),
                Map.entry("limits.login-per-username-refill-per-minute", "0.001"),
                Map.entry("limits.sign-up-per-address-capacity", "3"),
                Map.entry("limits.sign-up-per-address-refill-per-minute", "0.001"),
                Map.entry("limits.answers-per-account-capacity", "2"),
                Map.entry("limits.answers-per-account-refill-per-minute", "0.001"),
                Map.entry("limits.sockets-per-account", "2"),
                Map.entry("limits.grading-per-account-capacity", "2"),
                Map.entry("limits.grading-per-account-refill-per-minute", "0.001"),
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"));
    }
}
