package dev.mlsdmock.account;

/** What authentication needs to know about an account, read in a short transaction and used outside it. */
public record AccountRecord(long id, String username, String passwordHash, int sessionVersion) {
}
