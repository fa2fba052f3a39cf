package dev.mlsdmock.error;

/**
 * A request that cannot be served, with a stable machine-readable code and a message that says what is wrong and
 * what to do. REST answers it as {@code {"error","message"}} with the status; the WebSocket as an {@code error} frame.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    private ApiException(int status, String code, String message, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: a rate limit refused the request; REST adds {@code Retry-After}, the WebSocket {@code retryAfterSeconds}. */
    public static ApiException tooManyRequests(String code, String message, long retryAfterSeconds) {
        return new ApiException(429, code, message, retryAfterSeconds);
    }

    /** 503: the server is busy for a moment; REST adds {@code Retry-After}. */
    public static ApiException unavailable(String code, String message, long retryAfterSeconds) {
        return new ApiException(503, code, message, retryAfterSeconds);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds after which the client may try again (429 and 503), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
