package dev.mlsdmock.account;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.limits.Limiter;
import dev.mlsdmock.limits.Limits;
import dev.mlsdmock.limits.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a username and password (HTTP Basic and the form login) the way that scales and leaks nothing:
 * <ol>
 *   <li>an address or a username with too many recent failures gets 429 before anything is looked up or hashed
 *       (right or wrong password alike, so the answer tells nothing);</li>
 *   <li>one short database read of the account, no transaction held afterwards;</li>
 *   <li>a credential verified moments ago (same account, same hash) is accepted without bcrypt;</li>
 *   <li>otherwise a token of the address (this instance's memory) and of the username (the database, so every
 *       instance counts the same failures) is taken atomically, then bcrypt runs in a bounded slot, against a dummy
 *       hash for an unknown username so it takes as long;</li>
 *   <li>a failure keeps the tokens spent; a success gives them back.</li>
 * </ol>
 */
@ApplicationScoped
public class PasswordCheck {

    private final Function<String, Optional<AccountRecord>> lookup;
    private final PasswordHasher hasher;
    private final CredentialCache cache;
    private final Limiter perAddress;
    private final Limiter perUsername;

    @Inject
    public PasswordCheck(AccountService accounts, PasswordHasher hasher, CredentialCache cache, Limits limits) {
        this(accounts::lookup, hasher, cache, limits.loginPerAddress(), limits.loginPerUsername());
    }

    PasswordCheck(Function<String, Optional<AccountRecord>> lookup, PasswordHasher hasher, CredentialCache cache,
                  Limiter perAddress, Limiter perUsername) {
        this.lookup = lookup;
        this.hasher = hasher;
        this.cache = cache;
        this.perAddress = perAddress;
        this.perUsername = perUsername;
    }

    /** The account if the password is right; empty if not; 429 or 503 ({@link ApiException}) when refused. */
    public Optional<AccountRecord> verify(String username, String password, String address) {
        refuseIfLimited(perAddress.check(address)); // in memory first: a flood from one address never reaches the database
        refuseIfLimited(perUsername.check(username));
        Optional<AccountRecord> account = lookup.apply(username);
        if (account.isPresent() && cache.knows(username, password, account.get())) {
            return account;
        }
        // A hash is about to be spent: take the address's and the username's token now, atomically, so a burst of
        // simultaneous tries cannot all pass the checks above before the first failure is counted. Given back on
        // success, kept on failure.
        refuseIfLimited(perAddress.tryAcquire(address));
        RateLimiter.Decision byName = perUsername.tryAcquire(username);
        if (!byName.allowed()) {
            perAddress.refund(address);
            refuseIfLimited(byName);
        }
        boolean right;
        try {
            right = account.isEmpty() ? hasher.matchesNothing(password) : hasher.matches(password, account.get().passwordHash());
        } catch (RuntimeException e) { // 503 busy: no password was checked, so nothing counts
            perAddress.refund(address);
            perUsername.refund(username);
            throw e;
        }
        if (!right) {
            return Optional.empty();
        }
        perAddress.refund(address);
        perUsername.refund(username);
        cache.remember(username, password, account.get());
        return account;
    }

    /** Counts a wrong password given outside a login (e.g. the current password of a password change). */
    void failed(String username) {
        perUsername.consume(username);
    }

    void refuseIfUsernameLimited(String username) {
        refuseIfLimited(perUsername.check(username));
    }

    private static void refuseIfLimited(RateLimiter.Decision decision) {
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests("rate_limited", "Too many failed logins; try again in "
                    + decision.retryAfterSeconds() + " seconds.", decision.retryAfterSeconds());
        }
    }
}
