package dev.mlsdmock.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

/**
 * Rebuilds the identity of a browser session from the form login's encrypted cookie, whose principal is a
 * {@link SessionToken}. One account look-up per request decides: the account still exists, its session version is
 * the one the session began with (logout, a password change or "end all my sessions" bump it, on every instance at
 * once), and the session is younger than {@code auth.session-lifetime}.
 */
@ApplicationScoped
public class TrustedAccountIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountService accounts;
    private final AuthConfig config;
    private final Clock clock;

    public TrustedAccountIdentityProvider(AccountService accounts, AuthConfig config, Clock clock) {
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SessionToken session = SessionToken.parse(request.getPrincipal())
                    .orElseThrow(() -> new AuthenticationFailedException("Not a session of this version; log in again"));
            if (session.expired(clock.instant(), config.sessionLifetime())) {
                throw new AuthenticationFailedException("The session is older than its lifetime; log in again");
            }
            Optional<AccountRecord> account = accounts.lookup(session.username());
            if (account.isEmpty() || account.get().sessionVersion() != session.version()) {
                throw new AuthenticationFailedException("This session was ended; log in again");
            }
            return AccountIdentityProvider.identityOf(account.get(), session);
        });
    }
}
