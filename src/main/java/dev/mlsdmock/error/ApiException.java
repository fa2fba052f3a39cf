package dev.mlsdmock.error;

/**
 * A request that cannot be served, with a stable machine-readable code and a message that says what is wrong and
 * what to do. REST answers it as {@code {"error","message"}} with the status; the WebSocket as an {@code error} frame.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
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
}
