package dev.mlsdmock.account;

import dev.mlsdmock.error.ApiException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sign-up and password checks. */
@ApplicationScoped
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72; // bcrypt ignores bytes past 72

    private final Clock clock;

    public AccountService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Account signUp(String username, String password) {
        validate(username, password);
        if (Account.findByUsername(username).isPresent()) {
            throw ApiException.conflict("username_taken", "The username '" + username + "' is taken; choose another one.");
        }
        Account account = new Account();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.createdAt = Instant.now(clock);
        try {
            account.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Two sign-ups for the same name at once: the unique constraint decides.
            throw ApiException.conflict("username_taken", "The username '" + username + "' is taken; choose another one.");
        }
        return account;
    }

    /** The account if the password matches its hash. */
    @Transactional
    public Optional<Account> verify(String username, char[] password) {
        return Account.findByUsername(username).filter(a -> BcryptUtil.matches(new String(password), a.passwordHash));
    }

    static void validate(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username", "A username has 3 to 32 characters: letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit.");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("invalid_password", "A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters.");
        }
    }
}
