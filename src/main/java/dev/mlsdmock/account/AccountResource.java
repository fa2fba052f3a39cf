package dev.mlsdmock.account;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/api/accounts")
public class AccountResource {

    private final AccountService accounts;
    private final SecurityIdentity identity;

    public AccountResource(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    /** Create an account; then use it with HTTP Basic or the login form. */
    @POST
    public Response signUp(SignUp body) {
        SignUp request = body == null ? new SignUp(null, null) : body;
        Account account = accounts.signUp(request.username(), request.password());
        return Response.created(URI.create("/api/accounts/me")).entity(new AccountView(account.username)).build();
    }

    /** Who is logged in. */
    @GET
    @Path("/me")
    @Authenticated
    public AccountView me() {
        return new AccountView(identity.getPrincipal().getName());
    }

    public record SignUp(String username, String password) {
    }

    public record AccountView(String username) {
    }
}
