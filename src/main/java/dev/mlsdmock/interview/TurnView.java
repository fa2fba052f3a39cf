package dev.mlsdmock.interview;

import java.time.Instant;
import java.util.Set;

/** An immutable copy of a stored turn, for the logic that must not touch the database. */
public record TurnView(int seq, Role role, Stage stage, String text, Instant at, String clientId, TurnPlan.Kind kind,
                       String probe, Set<String> signals, String source, Integer inputTokens, Integer outputTokens) {

    /** Whether the offline interviewer spoke this turn in place of the interview's model. */
    public boolean fallback() {
        return source != null && source.startsWith("offline-");
    }

    public static TurnView of(Turn t) {
        return new TurnView(t.seq, t.role, t.stage, t.text, t.at, t.clientId, t.kind, t.probe, t.signalIds(), t.source,
                t.inputTokens, t.outputTokens);
    }
}
