package dev.mlsdmock.interview;

import dev.mlsdmock.error.ApiException;

/** What an answer must be before anything is stored: the checks, and the errors a client gets for each. */
final class AnswerCheck {

    static final int MAX_CLIENT_ID = 64;

    private AnswerCheck() {
    }

    /** @throws ApiException 400 {@code invalid_client_id}, {@code empty_answer} or {@code answer_too_long} */
    static void check(String clientId, String text, int maxChars) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID) {
            throw ApiException.badRequest("invalid_client_id", "Each answer needs a clientId (1 to " + MAX_CLIENT_ID
                    + " characters, e.g. a UUID) so a re-sent answer is recognised.");
        }
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("empty_answer", "The answer is empty; type something before sending.");
        }
        if (text.length() > maxChars) {
            throw ApiException.badRequest("answer_too_long", "The answer has " + text.length() + " characters; at most "
                    + maxChars + " fit in one turn. Split it into several answers.");
        }
    }
}
