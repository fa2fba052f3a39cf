package dev.mlsdmock.flow;

import java.util.Locale;

/** Who said a turn. */
public enum Role {
    INTERVIEWER, CANDIDATE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
