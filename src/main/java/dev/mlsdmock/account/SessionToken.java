package dev.mlsdmock.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a browser session cookie says about its holder, stored as the identity's principal name (the form login
 * encrypts that name into its cookie): the username, the account's session version when the session began, and when
 * it began. A bumped version ends the session; the start time bounds its absolute lifetime even though every request
 * renews the cookie's idle expiry. Usernames cannot contain {@code /}.
 */
record SessionToken(String username, int version, long startedEpochSecond) {

    String format() {
        return username + "/" + version + "/" + startedEpochSecond;
    }

    /** Older than the absolute lifetime (or started in the future, which no honest cookie is). */
    boolean expired(Instant now, Duration lifetime) {
        long age = now.getEpochSecond() - startedEpochSecond;
        return age > lifetime.toSeconds() || age < -60;
    }

    static Optional<SessionToken> parse(String principal) {
        String[] parts = principal == null ? new String[0] : principal.split("/", -1);
        if (parts.length != 3) {
            return Optional.empty(); // e.g. a cookie issued before session versions existed: log in again
        }
        try {
            return Optional.of(new SessionToken(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
