package dev.mlsdmock.account;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Ending browser sessions. Logging in is the form login's own {@code POST /j_security_check}. Sessions live in an
 * encrypted cookie that carries the account's session version; ending a session bumps that version, so every cookie
 * of the account (this browser's, a copied one, other devices') stops working on every instance.
 */
@Path("/api/session")
public class SessionResource {

    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final SessionCookie cookie;

    public SessionResource(AccountService accounts, SecurityIdentity identity, SessionCookie cookie) {
        this.accounts = accounts;
        this.identity = identity;
        this.cookie = cookie;
    }

    /** Log out: ends the account's sessions if the caller is logged in, and clears the browser's cookie either way. */
    @DELETE
    public Response logout(@Context HttpServerRequest request) {
        Long accountId = callerOrNull();
        if (accountId != null) {
            accounts.endSessions(accountId);
        }
        return Response.noContent().cookie(cookie.expired(request)).build();
    }

    /** End every session of the account, e.g. after using a shared computer; API clients on HTTP Basic are unaffected. */
    @POST
    @Path("/revoke-all")
    @Authenticated
    public Response revokeAll(@Context HttpServerRequest request) {
        accounts.endSessions(CurrentAccount.idOf(identity));
        return Response.noContent().cookie(cookie.expired(request)).build();
    }

    private Long callerOrNull() {
        try {
            return identity.isAnonymous() ? null : CurrentAccount.idOf(identity);
        } catch (RuntimeException e) {
            return null; // an ended or forged session: nothing to end
        }
    }
}
