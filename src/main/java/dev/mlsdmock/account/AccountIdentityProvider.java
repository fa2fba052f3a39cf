package dev.mlsdmock.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Checks a username and password (from HTTP Basic or the form login) with {@link PasswordCheck}. Written by hand
 * because quarkus-security-jpa does not resolve at this Quarkus version; bcrypt comes from elytron-common.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String ACCOUNT_ID = "accountId";
    public static final String USERNAME = "username";
    public static final String USER_ROLE = "user";

    private final PasswordCheck check;
    private final Clock clock;

    public AccountIdentityProvider(PasswordCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String address = addressOf(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> check.verify(request.getUsername(), new String(request.getPassword().getPassword()),
                        address)
                .map(a -> identityOf(a, new SessionToken(a.username(), a.sessionVersion(), clock.instant().getEpochSecond())))
                .orElseThrow(() -> new AuthenticationFailedException("Wrong username or password")));
    }

    /**
     * The identity of a logged-in account: the one role, its id and name as attributes, and as principal name the
     * {@link SessionToken} the form login puts into the session cookie.
     */
    static SecurityIdentity identityOf(AccountRecord account, SessionToken session) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(session.format()))
                .addRole(USER_ROLE)
                .addAttribute(ACCOUNT_ID, account.id())
                .addAttribute(USERNAME, account.username())
                .build();
    }

    /** The client's address; behind a trusted proxy (quarkus.http.proxy.*) the forwarded one. */
    static String addressOf(RoutingContext context) {
        if (context == null || context.request().remoteAddress() == null) {
            return "unknown";
        }
        return context.request().remoteAddress().hostAddress();
    }
}
