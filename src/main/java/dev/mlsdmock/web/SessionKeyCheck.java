package dev.mlsdmock.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Warns at start-up when no session encryption key is configured: the server then makes a temporary one, and every
 * browser has to log in again after a restart. Quarkus's own warning prints that key, so it is silenced in
 * application.properties and this one, which never shows a key, takes its place.
 */
public class SessionKeyCheck {

    private static final Logger LOG = Logger.getLogger(SessionKeyCheck.class);

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        if (key.filter(k -> !k.isBlank()).isEmpty()) {
            LOG.warn("SESSION_ENCRYPTION_KEY is not set: browser sessions use a temporary key and end when the server "
                    + "restarts. Set it to a random string of at least 32 characters to keep them.");
        } else if (key.get().length() < 32) {
            LOG.warn("SESSION_ENCRYPTION_KEY is shorter than 32 characters; use a longer random string.");
        }
    }
}
