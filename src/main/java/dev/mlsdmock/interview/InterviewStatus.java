package dev.mlsdmock.interview;

import java.util.Locale;

public enum InterviewStatus {
    ACTIVE, ENDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
