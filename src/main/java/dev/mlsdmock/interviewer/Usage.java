package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.TurnView;

import java.util.List;

/**
 * The tokens an interview used, as {@code GET /api/interviews/{id}} shows them.
 *
 * @param budget           the interview's token budget, null when unlimited
 * @param modelTurns       interviewer turns the model spoke
 * @param fallbackTurns    interviewer turns the offline interviewer spoke because the model failed or the budget was spent
 */
public record Usage(long inputTokens, long outputTokens, long totalTokens, Integer budget, int modelTurns, int fallbackTurns) {

    public static Usage of(List<TurnView> turns, Integer budget) {
        long in = 0;
        long out = 0;
        int model = 0;
        int fallback = 0;
        for (TurnView t : turns) {
            if (t.role() != Role.INTERVIEWER) {
                continue;
            }
            in += t.inputTokens() == null ? 0 : t.inputTokens();
            out += t.outputTokens() == null ? 0 : t.outputTokens();
            if (ModelInterviewer.isModelSource(t.source())) {
                model++;
            } else if (t.source() != null && t.source().startsWith("offline-")) {
                fallback++;
            }
        }
        return new Usage(in, out, in + out, budget, model, fallback);
    }
}
