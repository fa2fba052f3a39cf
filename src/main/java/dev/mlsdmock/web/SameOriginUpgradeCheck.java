package dev.mlsdmock.web;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * Refuses a WebSocket upgrade that rides on the browser session cookie but comes from a page of another origin
 * (cross-site WebSocket hijacking). Browsers always send {@code Origin} on a WebSocket handshake; API clients that
 * authenticate with HTTP Basic usually send none and are not affected.
 */
@ApplicationScoped
public class SameOriginUpgradeCheck implements HttpUpgradeCheck {

    private final String cookieName;

    public SameOriginUpgradeCheck(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name",
            defaultValue = "quarkus-credential") String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String origin = request.getHeader("Origin");
        if (origin == null || request.getCookie(cookieName) == null || request.getHeader("Authorization") != null) {
            return CheckResult.permitUpgrade();
        }
        return sameHost(origin, request.getHeader("Host")) ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(403);
    }

    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
