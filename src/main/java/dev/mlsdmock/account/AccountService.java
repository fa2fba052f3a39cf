package dev.mlsdmock.account;

import dev.mlsdmock.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts: sign-up, look-up, password change and the session version. Hashing happens outside any transaction, so
 * a database connection is held only for the short reads and writes around it.
 */
@ApplicationScoped
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72; // bcrypt ignores bytes past 72

    private final Clock clock;
    private final PasswordHasher hasher;

    public AccountService(Clock clock, PasswordHasher hasher) {
        this.clock = clock;
        this.hasher = hasher;
    }

    public AccountRecord signUp(String username, String password) {
        validate(username, password);
        if (lookup(username).isPresent()) {
            throw taken(username);
        }
        String hash = hasher.hash(password);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Account account = new Account();
                account.username = username;
                account.passwordHash = hash;
                account.createdAt = Instant.now(clock);
                account.persistAndFlush();
                return account.record();
            });
        } catch (RuntimeException e) {
            // Two sign-ups for the same name at once: the unique constraint decides.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException) {
                    throw taken(username);
                }
            }
            throw e;
        }
    }

    /** The account with this username, read in its own short transaction. */
    public Optional<AccountRecord> lookup(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(username).map(Account::record));
    }

    /** Ends every browser session of the account: cookies carry the version they were issued with. */
    public void endSessions(long accountId) {
        QuarkusTransaction.requiringNew().run(() -> Account.update("sessionVersion = sessionVersion + 1 where id = ?1",
                accountId));
    }

    /** Stores a new hash (computed outside the transaction) and ends every browser session of the account. */
    void changePassword(long accountId, String newPassword) {
        validatePassword(newPassword);
        String hash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> Account.update(
                "passwordHash = ?1, sessionVersion = sessionVersion + 1 where id = ?2", hash, accountId));
    }

    static void validate(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username", "A username has 3 to 32 characters: letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit.");
        }
        validatePassword(password);
    }

    static void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("invalid_password", "A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters.");
        }
    }

    private static ApiException taken(String username) {
        return ApiException.conflict("username_taken", "The username '" + username + "' is taken; choose another one.");
    }
}
