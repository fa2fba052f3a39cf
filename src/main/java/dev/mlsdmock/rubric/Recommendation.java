package dev.mlsdmock.rubric;

import java.util.Locale;

/** The hiring recommendation of a scorecard, from best to worst. */
public enum Recommendation {
    STRONG_HIRE, HIRE, LEAN_HIRE, LEAN_NO_HIRE, NO_HIRE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
