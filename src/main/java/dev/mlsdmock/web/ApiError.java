package dev.mlsdmock.web;

/** The body of every error response. */
public record ApiError(String error, String message) {
}
