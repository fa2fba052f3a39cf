package dev.mlsdmock.flow;

import java.time.Instant;
import java.util.Set;

/**
 * An immutable copy of a stored turn, for the logic that must not touch the database.
 *
 * @param probe   for an interviewer turn: the id of the rubric signal it asked about, if it was a follow-up
 * @param signals for a candidate turn: ids of the rubric signals it showed
 * @param source  for an interviewer turn: who produced it ({@code offline}, {@code <provider>/<model>},
 *                {@code offline-fallback}, {@code offline-budget})
 */
public record TurnView(int seq, Role role, Stage stage, String text, Instant at, String clientId, TurnPlan.Kind kind,
                       String probe, Set<String> signals, String source, Integer inputTokens, Integer outputTokens) {

    /** Whether the offline interviewer spoke this turn in place of the interview's model. */
    public boolean fallback() {
        return source != null && source.startsWith("offline-");
    }
}
