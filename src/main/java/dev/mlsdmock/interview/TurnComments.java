package dev.mlsdmock.interview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Comments on the turns of an interview (left by a reviewer through a share link, or by the candidate). Implemented
 * by the sharing feature; the export reads them here, so the interview package does not depend on sharing.
 */
public interface TurnComments {

    /** The interview's comments, by turn and then by time. */
    List<TurnComment> of(UUID interviewId);

    /**
     * @param author   the reviewer's username, or {@code Candidate} for the interview's owner
     * @param candidate whether the interview's owner wrote it
     */
    record TurnComment(long id, int seq, String author, boolean candidate, String text, Instant at) {
    }
}
