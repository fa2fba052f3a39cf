package dev.mlsdmock.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The account id and name of the caller, put on the identity by our identity providers. */
@ApplicationScoped
public class CurrentAccount {

    private final SecurityIdentity identity;

    public CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    public long id() {
        return idOf(identity);
    }

    public String username() {
        idOf(identity);
        return identity.getAttribute(AccountIdentityProvider.USERNAME);
    }

    public static long idOf(SecurityIdentity identity) {
        Object id = identity == null || identity.isAnonymous() ? null : identity.getAttribute(AccountIdentityProvider.ACCOUNT_ID);
        if (id == null) {
            throw new UnauthorizedException();
        }
        return (Long) id;
    }
}
