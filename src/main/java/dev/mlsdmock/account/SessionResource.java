package dev.mlsdmock.account;

import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Logging out of the browser session. Logging in is the form login's own {@code POST /j_security_check}; the
 * session lives only in the encrypted cookie, so logging out means removing that cookie.
 */
@Path("/api/session")
public class SessionResource {

    private final RoutingContext routing;

    public SessionResource(RoutingContext routing) {
        this.routing = routing;
    }

    @DELETE
    public Response logout() {
        FormAuthenticationMechanism.logout(routing);
        return Response.noContent().build();
    }
}
