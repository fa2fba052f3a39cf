package dev.mlsdmock.rubric;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a rubric fact is about. Every rubric must answer the first six. */
public enum FactTopic {
    BUSINESS_GOAL, USERS, SCALE, LATENCY, DATA, CONSTRAINTS, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<FactTopic> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
