package dev.mlsdmock.flow;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An immutable copy of a stored turn, for the logic that must not touch the database.
 *
 * @param probe   for an interviewer turn: the id of the rubric signal it asked about, if it was a follow-up
 * @param signals for a candidate turn: ids of the rubric signals it showed
 * @param source  for an interviewer turn: who produced it ({@code offline}, {@code <provider>/<model>},
 *                {@code offline-fallback}, {@code offline-budget})
 * @param promptedBy for a candidate turn: the signals it showed for the first time after an interviewer turn had
 *                   asked about them (a probe or a hint), each with the seq of that turn; the others were unprompted
 */
public record TurnView(int seq, Role role, Stage stage, String text, Instant at, String clientId, TurnPlan.Kind kind,
                       String probe, Set<String> signals, String source, Integer inputTokens, Integer outputTokens,
                       Map<String, Integer> promptedBy) {

    public TurnView {
        promptedBy = promptedBy == null ? Map.of() : Map.copyOf(promptedBy);
    }

    /** A turn with no prompted signals. */
    public TurnView(int seq, Role role, Stage stage, String text, Instant at, String clientId, TurnPlan.Kind kind,
                    String probe, Set<String> signals, String source, Integer inputTokens, Integer outputTokens) {
        this(seq, role, stage, text, at, clientId, kind, probe, signals, source, inputTokens, outputTokens, Map.of());
    }

    /** Whether this is a version of the candidate's diagram (Mermaid text), not an utterance. */
    public boolean diagram() {
        return kind == TurnPlan.Kind.DIAGRAM;
    }

    /** Whether the offline interviewer spoke this turn in place of the interview's model. */
    public boolean fallback() {
        return source != null && source.startsWith("offline-");
    }
}
