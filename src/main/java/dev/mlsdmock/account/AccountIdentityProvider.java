package dev.mlsdmock.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a username and password (from HTTP Basic or the form login) against our own account table. Written by
 * hand because quarkus-security-jpa does not resolve at this Quarkus version; bcrypt comes from elytron-common.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String ACCOUNT_ID = "accountId";
    public static final String USER_ROLE = "user";

    private final AccountService accounts;

    public AccountIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.verify(request.getUsername(), request.getPassword().getPassword())
                .map(AccountIdentityProvider::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("Wrong username or password")));
    }

    /** The identity of a logged-in account: its name, the one role, and its id for ownership checks. */
    static SecurityIdentity identityOf(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addRole(USER_ROLE)
                .addAttribute(ACCOUNT_ID, account.id)
                .build();
    }
}
