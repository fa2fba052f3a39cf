package dev.mlsdmock.account;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logging out of the browser session. Logging in is the form login's own {@code POST /j_security_check}; the
 * session lives only in the encrypted cookie, so logging out means telling the browser to drop that cookie.
 */
@Path("/api/session")
public class SessionResource {

    private final String cookieName;

    public SessionResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                           String cookieName) {
        this.cookieName = cookieName;
    }

    @DELETE
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.noContent().cookie(expired).build();
    }
}
