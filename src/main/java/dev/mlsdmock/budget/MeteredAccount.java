package dev.mlsdmock.budget;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account whose budget the LLM calls made on this thread are charged to. Set around work that calls a model
 * synchronously through an AI service (the grader), where no code of ours sees each call: a chat model listener
 * reads it when the call ends.
 */
public final class MeteredAccount {

    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private MeteredAccount() {
    }

    public static <T> T run(long accountId, Supplier<T> work) {
        Long previous = CURRENT.get();
        CURRENT.set(accountId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static Optional<Long> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
