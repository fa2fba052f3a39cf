package dev.mlsdmock.interview;

import dev.mlsdmock.web.ApiException;

import java.util.UUID;

/**
 * Interview ids as they arrive in request paths. A malformed id and someone else's interview get the same 404 as
 * a missing one, so ids of other people's interviews cannot be probed.
 */
public final class InterviewIds {

    private InterviewIds() {
    }

    /** The id, or a 404 when it is not a UUID. */
    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    public static ApiException notFound(String id) {
        return ApiException.notFound("interview_not_found", "There is no interview " + id
                + " for this account. GET /api/interviews lists yours.");
    }
}
