package dev.mlsdmock.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Share-link tokens: 256 random bits from {@link SecureRandom}, URL-safe Base64 without padding (43 characters).
 * Only {@link #hash} of a token is stored; with that much entropy a plain SHA-256 cannot be reversed or guessed, so no
 * salt or slow hash is needed (unlike passwords).
 */
final class ShareTokens {

    static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareTokens() {
    }

    static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a token at all; anything else is "not found" without a database read. */
    static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** The hex SHA-256 of the token, as stored. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The last four characters, shown in the owner's list of links. */
    static String hint(String token) {
        return token.substring(token.length() - 4);
    }
}
