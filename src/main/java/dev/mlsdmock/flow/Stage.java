package dev.mlsdmock.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The seven steps of the ML system design framework, in the order an interview walks through them.
 * The lower-case {@link #id()} is what the API, the rubrics and the database use.
 */
public enum Stage {
    CLARIFY, FRAME, DATA, MODEL, EVALUATE, SERVE, MONITOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 1-based position, as shown to the candidate ("step 3 of 7"). */
    public int number() {
        return ordinal() + 1;
    }

    public Optional<Stage> next() {
        return this == MONITOR ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public boolean isLast() {
        return this == MONITOR;
    }

    public static Optional<Stage> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    public static Stage of(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("Unknown stage: " + id));
    }
}
