package dev.mlsdmock.error;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;

/**
 * The server is short of a shared resource (a pooled database connection, a worker thread) right now: the request
 * was fine and may be sent again shortly. REST answers it as 503 with {@code Retry-After}, the WebSocket as an
 * {@code overloaded} error frame, never as an internal error.
 */
public class Overloaded extends RuntimeException {

    /** How long a client should wait before trying again; a guess a little above the pool's acquisition timeout. */
    public static final int RETRY_AFTER_SECONDS = 2;

    public Overloaded(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether a failure means "too busy" rather than "broken". Agroal reports an exhausted pool as a plain
     * {@code SQLException} ("Sorry, acquisition timeout!"), which Hibernate wraps; there is no type to catch, so
     * the cause chain is searched for the message.
     */
    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Overloaded || t instanceof SQLTransientConnectionException
                    || t instanceof RejectedExecutionException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
