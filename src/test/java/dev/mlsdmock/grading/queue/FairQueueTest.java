package dev.mlsdmock.grading.queue;

import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One account's many requests do not hold up another's scorecard, and asking twice queues once. */
@QuarkusTest
@TestProfile(QueueOnlyProfile.class)
class FairQueueTest {

    @Inject
    GradingQueue queue;

    @Test
    void workersTakeJobsRoundRobinAcrossAccounts() {
        String busy = Api.newAccount();
        String other = Api.newAccount();
        List<UUID> busyInterviews = List.of(ended(busy), ended(busy), ended(busy));
        UUID otherInterview = ended(other);
        busyInterviews.forEach(this::enqueue);
        enqueue(otherInterview); // queued last, graded second

        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            GradingJob job = queue.claim().orElseThrow();
            order.add(job.interviewId);
            queue.complete(job.id, null);
        }
        assertThat(order).containsExactly(busyInterviews.get(0), otherInterview, busyInterviews.get(1),
                busyInterviews.get(2));
        assertThat(queue.claim()).isEmpty();
    }

    @Test
    void askingAgainBeforeGradingStartsUpdatesTheQueuedJob() {
        UUID interview = ended(Api.newAccount());
        long first = QuarkusTransaction.requiringNew().call(() -> queue.enqueue(interview, Grader.OFFLINE, Level.DEFAULT).id);
        long second = QuarkusTransaction.requiringNew().call(() ->
                queue.enqueue(interview, Grader.OFFLINE, Level.fromId("staff").orElseThrow()).id);
        assertThat(second).isEqualTo(first);
        GradingJob job = queue.claim().orElseThrow();
        assertThat(job.interviewId).isEqualTo(interview);
        assertThat(job.level).isEqualTo("staff");
        queue.complete(job.id, null);
        assertThat(queue.pending(interview)).isFalse();
    }

    private void enqueue(UUID interview) {
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue(interview, Grader.OFFLINE, Level.DEFAULT));
    }

    private static UUID ended(String username) {
        return QuarkusTransaction.requiringNew().call(() -> StoredInterviews.ended(username).id);
    }
}
