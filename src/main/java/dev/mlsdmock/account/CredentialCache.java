package dev.mlsdmock.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, that a username and password were right, so an API client sending HTTP Basic on
 * every request pays one bcrypt, not one per request. The key is an HMAC-SHA256 of username and password under a
 * random per-process key: the password is never stored, and a memory dump does not allow an offline guess without
 * that key. An entry counts only while the account still has the hash it was checked against, so a password change
 * anywhere invalidates it at once (the caller compares with the one account lookup of the request).
 */
@ApplicationScoped
public class CredentialCache {

    /** A remembered success: the account and the hash the password matched. */
    record Entry(long accountId, String passwordHash, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;

    @Inject
    public CredentialCache(AuthConfig config, Clock clock) {
        this(config.credentialCacheTtl(), config.credentialCacheSize(), clock);
    }

    CredentialCache(Duration ttl, int maxSize, Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** True if this exact username and password matched {@code currentHash} within the time to live. */
    boolean knows(String username, String password, AccountRecord current) {
        if (ttl.isZero()) {
            return false;
        }
        String k = keyOf(username, password);
        Entry e = entries.get(k);
        if (e == null) {
            return false;
        }
        if (e.expires().isBefore(clock.instant()) || e.accountId() != current.id()
                || !e.passwordHash().equals(current.passwordHash())) {
            entries.remove(k, e);
            return false;
        }
        return true;
    }

    void remember(String username, String password, AccountRecord account) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= maxSize) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> e.expires().isBefore(now));
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(keyOf(username, password), new Entry(account.id(), account.passwordHash(), clock.instant().plus(ttl)));
    }

    /** Forgets every credential of the account (its password changed). */
    void forget(long accountId) {
        entries.values().removeIf(e -> e.accountId() == accountId);
    }

    int size() {
        return entries.size();
    }

    private String keyOf(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
