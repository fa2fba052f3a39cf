package dev.mlsdmock.interview;

import dev.mlsdmock.error.ApiException;

import java.util.UUID;

/**
 * Interview ids as they arrive in request paths. A malformed id and someone else's interview get the same 404 as
 * a missing one, so ids of other people's interviews cannot be probed.
 */
final class InterviewIds {

    private InterviewIds() {
    }

    /** The id, or a 404 when it is not a UUID. */
    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    /** The interview with this id, or a 404 (for ids that were checked before, e.g. on a WebSocket). */
    static Interview require(UUID id) {
        return present(Interview.findById(id), id);
    }

    /** The interview row locked for update, or a 404. */
    static Interview lock(UUID id) {
        return present(Interview.lock(id), id);
    }

    private static Interview present(Interview interview, UUID id) {
        if (interview == null) {
            throw ApiException.notFound("interview_not_found", "There is no interview " + id + ".");
        }
        return interview;
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("interview_not_found", "There is no interview " + id
                + " for this account. GET /api/interviews lists yours.");
    }
}
