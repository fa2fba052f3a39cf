package dev.mlsdmock.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;

/**
 * Browser sessions are only as safe as the key that encrypts their cookies: anyone who knows it can mint a cookie for
 * any account. So the packaged application (the {@code prod} profile) refuses to start without a key of at least 32
 * characters that is not one published anywhere (e.g. an old example from this repository); a laptop ({@code dev})
 * makes one and keeps it in DATA_DIR ({@link LocalSessionKey}), and tests get a random key per start. Quarkus's own
 * warning prints the temporary key it makes, so it is silenced in application.properties; this never shows a key.
 */
public class SessionKeyCheck {

    private static final Logger LOG = Logger.getLogger(SessionKeyCheck.class);
    static final int MIN_LENGTH = 32;
    /** Keys that were ever written in this repository or its docs: known to everyone, so never accepted. */
    static final Set<String> PUBLISHED = Set.of("please-change-this-to-a-long-random-secret",
            "change-me", "changeme", "secret");
    static final String HOW = "Set SESSION_ENCRYPTION_KEY to a random string of at least " + MIN_LENGTH
            + " characters (make one with `openssl rand -base64 48`), the same on every instance; or, for a single "
            + "instance with a persistent volume, set SESSION_KEY_FILE to a file path and one is made and kept there.";

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        Optional<String> problem = problem(key);
        if (problem.isEmpty()) {
            return;
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Refusing to start: " + problem.get() + " " + HOW);
        }
        LOG.warn(problem.get() + " Browser sessions use a temporary key and end when the server restarts. " + HOW);
    }

    /** What is wrong with the configured session key, if anything. */
    static Optional<String> problem(Optional<String> key) {
        String k = key.map(String::strip).orElse("");
        if (k.isEmpty()) {
            return Optional.of("SESSION_ENCRYPTION_KEY is not set.");
        }
        if (PUBLISHED.contains(k)) {
            return Optional.of("SESSION_ENCRYPTION_KEY is a published example key, which anyone can use to forge "
                    + "sessions.");
        }
        if (k.length() < MIN_LENGTH) {
            return Optional.of("SESSION_ENCRYPTION_KEY is shorter than " + MIN_LENGTH + " characters.");
        }
        if (k.chars().distinct().count() < 8) {
            return Optional.of("SESSION_ENCRYPTION_KEY is not random (too few distinct characters).");
        }
        return Optional.empty();
    }
}
