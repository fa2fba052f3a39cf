package dev.mlsdmock.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds the identity of a browser session: the form login's encrypted cookie carries the username, already
 * verified at login, and this looks the account up again (so a deleted account's cookie stops working).
 */
@ApplicationScoped
public class TrustedAccountIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> QuarkusTransaction.requiringNew()
                .call(() -> Account.findByUsername(request.getPrincipal()))
                .map(AccountIdentityProvider::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("The account of this session no longer exists")));
    }
}
