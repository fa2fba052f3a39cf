package dev.mlsdmock.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Cross-site request forgery guard for the browser session. The session cookie is SameSite=Strict, so other sites'
 * pages cannot send it; as a second line, a state-changing API request that relies on the cookie (no Authorization
 * header) must carry {@code X-Requested-With}, a header a cross-site HTML form cannot set and a cross-site script
 * cannot set without a CORS preflight we never grant. API clients using HTTP Basic are not affected.
 */
public class CsrfGuard {

    static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final String cookieName;

    public CsrfGuard(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                     String cookieName) {
        this.cookieName = cookieName;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())
                || request.getHeaderString("Authorization") != null
                || !request.getCookies().containsKey(cookieName)
                || request.getHeaderString(HEADER) != null) {
            return null;
        }
        return ApiExceptionMappers.json(403, "csrf_check_failed", "A request made with the browser session must "
                + "carry the X-Requested-With header. Reload the page and try again; API clients use HTTP Basic.");
    }
}
