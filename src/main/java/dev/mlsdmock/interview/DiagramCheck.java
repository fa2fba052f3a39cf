package dev.mlsdmock.interview;

import dev.mlsdmock.error.ApiException;

/** What a diagram version must be before anything is stored: the checks, and the errors a client gets for each. */
final class DiagramCheck {

    /** The most a turn can hold (the {@code turn.body} column), whatever {@code interview.max-diagram-chars} says. */
    static final int STORABLE_CHARS = 16_000;

    private DiagramCheck() {
    }

    /** @throws ApiException 400 {@code invalid_client_id}, {@code empty_diagram} or {@code diagram_too_large} */
    static void check(String clientId, String text, int maxChars) {
        if (clientId == null || clientId.isBlank() || clientId.length() > AnswerCheck.MAX_CLIENT_ID) {
            throw ApiException.badRequest("invalid_client_id", "Each diagram version needs a clientId (1 to "
                    + AnswerCheck.MAX_CLIENT_ID + " characters, e.g. a UUID) so a re-sent version is recognised.");
        }
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("empty_diagram", "The diagram is empty; write some Mermaid text "
                    + "(e.g. \"flowchart LR\\n  A --> B\") before saving.");
        }
        int limit = Math.min(maxChars, STORABLE_CHARS);
        if (text.length() > limit) {
            throw ApiException.badRequest("diagram_too_large", "The diagram has " + text.length()
                    + " characters; at most " + limit + " are stored. Shorten labels or drop detail; nothing was saved.");
        }
    }
}
