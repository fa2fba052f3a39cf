package dev.mlsdmock.account;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The browser's copy of the session cookie, expired: sent whenever a session ends. */
@ApplicationScoped
public class SessionCookie {

    private final String name;

    public SessionCookie(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                         String name) {
        this.name = name;
    }

    /** Secure when the request came over HTTPS (directly, or through a proxy that says so: quarkus.http.proxy.*). */
    NewCookie expired(HttpServerRequest request) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true)
                .secure(request != null && request.isSSL()).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
