package dev.mlsdmock.interview;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Runs the application with the configuration of the README's run command (the {@code dev} profile: H2 in a local
 * file), with the file under target/ so the test never touches a user's data.
 */
public class EmbeddedDatabaseProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "dev";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String dir = "./target/embedded-db-" + System.nanoTime();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir
                        + "/mlsd;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "session-key.file", dir + "/session.key",
                "quarkus.http.test-port", "0");
    }
}
