package dev.mlsdmock.account;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.limits.Limits;
import dev.mlsdmock.limits.RateLimiter;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/api/accounts")
public class AccountResource {

    private final AccountService accounts;
    private final CurrentAccount current;
    private final PasswordCheck check;
    private final PasswordHasher hasher;
    private final CredentialCache cache;
    private final SessionCookie cookie;
    private final RateLimiter signUps;

    public AccountResource(AccountService accounts, CurrentAccount current, PasswordCheck check, PasswordHasher hasher,
                           CredentialCache cache, SessionCookie cookie, Limits limits) {
        this.accounts = accounts;
        this.current = current;
        this.check = check;
        this.hasher = hasher;
        this.cache = cache;
        this.cookie = cookie;
        this.signUps = limits.signUpPerAddress();
    }

    /** Create an account; then use it with HTTP Basic or the login form. Rate-limited per client address. */
    @POST
    public Response signUp(SignUp body, @Context HttpServerRequest request) {
        SignUp sign = body == null ? new SignUp(null, null) : body;
        AccountService.validate(sign.username(), sign.password());
        RateLimiter.Decision decision = signUps.tryAcquire(request.remoteAddress() == null ? "unknown"
                : request.remoteAddress().hostAddress());
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests("rate_limited", "Too many sign-ups from this address; try again in "
                    + decision.retryAfterSeconds() + " seconds.", decision.retryAfterSeconds());
        }
        AccountRecord account = accounts.signUp(sign.username(), sign.password());
        return Response.created(URI.create("/api/accounts/me")).entity(new AccountView(account.username())).build();
    }

    /** Who is logged in. */
    @GET
    @Path("/me")
    @Authenticated
    public AccountView me() {
        return new AccountView(current.username());
    }

    /**
     * Change the password: needs the current one (wrong tries count as failed logins), and ends every browser session
     * of the account, this one included. API clients use the new password from now on.
     */
    @PUT
    @Path("/me/password")
    @Authenticated
    public Response changePassword(PasswordChange body, @Context HttpServerRequest request) {
        PasswordChange change = body == null ? new PasswordChange(null, null) : body;
        AccountRecord me = accounts.lookup(current.username()).orElseThrow(UnauthorizedException::new);
        check.refuseIfUsernameLimited(me.username());
        if (change.currentPassword() == null || !hasher.matches(change.currentPassword(), me.passwordHash())) {
            check.failed(me.username());
            throw new ApiException(403, "wrong_password", "The current password is wrong.");
        }
        accounts.changePassword(me.id(), change.newPassword());
        cache.forget(me.id());
        return Response.noContent().cookie(cookie.expired(request)).build();
    }

    public record SignUp(String username, String password) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record AccountView(String username) {
    }
}
