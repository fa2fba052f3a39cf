package dev.mlsdmock.rubric;

import dev.mlsdmock.error.ApiException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seniority a candidate is interviewing for; the same scores lead to a stricter recommendation higher up. */
public enum Level {
    MID, SENIOR, STAFF;

    public static final Level DEFAULT = SENIOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equals(id)).findFirst();
    }

    /** The level a client asked for: null means {@link #DEFAULT}; an unknown id is a 400 naming the levels. */
    public static Level require(String id) {
        if (id == null) {
            return DEFAULT;
        }
        return fromId(id).orElseThrow(() -> ApiException.badRequest("unknown_level",
                "There is no level '" + id + "'. The levels are " + ids() + "."));
    }

    public static String ids() {
        return Arrays.stream(values()).map(Level::id).toList().toString();
    }
}
