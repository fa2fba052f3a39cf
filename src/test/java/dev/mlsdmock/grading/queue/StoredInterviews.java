package dev.mlsdmock.grading.queue;

import dev.mlsdmock.account.Account;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.interview.Interview;
import dev.mlsdmock.interview.InterviewStatus;

import java.time.Instant;
import java.util.UUID;

/** Interviews stored directly (no event, no grading job), as the queue tests need them. */
final class StoredInterviews {

    private StoredInterviews() {
    }

    /** An ended ad-click interview of {@code username}, persisted in the caller's transaction. */
    static Interview ended(String username) {
        Instant now = Instant.now();
        Interview i = new Interview();
        i.id = UUID.randomUUID();
        i.accountId = Account.<Account>find("username", username).firstResult().id;
        i.problemId = "ad-click-prediction";
        i.status = InterviewStatus.ENDED;
        i.stage = Stage.FRAME;
        i.stageStartedAt = now;
        i.interviewer = "offline";
        i.createdAt = now;
        i.endedAt = now;
        i.persist();
        return i;
    }
}
