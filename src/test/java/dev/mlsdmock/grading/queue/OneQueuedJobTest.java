package dev.mlsdmock.grading.queue;

import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An interview never has two queued jobs, however the requests arrive; a re-grade of the running grade joins it. */
@QuarkusTest
@TestProfile(QueueOnlyProfile.class)
class OneQueuedJobTest {

    private static final Level STAFF = Level.fromId("staff").orElseThrow();

    @Inject
    GradingQueue queue;

    @Test
    void aRegradeOfTheGradeBeingMadeJoinsTheRunningJob() {
        UUID interview = ended();
        assertThat(queue.enqueueNow(interview, Grader.OFFLINE, Level.DEFAULT)).as("queued new").isTrue();
        GradingJob running = claim(interview);
        long joined = QuarkusTransaction.requiringNew().call(() -> queue.enqueue(interview, Grader.OFFLINE, Level.DEFAULT).id);
        assertThat(joined).isEqualTo(running.id);
        assertThat(queue.enqueueNow(interview, Grader.OFFLINE, Level.DEFAULT)).as("queued new").isFalse();
        assertThat(jobs(interview)).hasSize(1);
        assertThat(queue.claim()).isEmpty();
    }

    @Test
    void aDifferentGradeAskedForWhileOneRunsIsQueuedOnce() {
        UUID interview = ended();
        queue.enqueueNow(interview, Grader.OFFLINE, Level.DEFAULT);
        GradingJob running = claim(interview);
        assertThat(queue.enqueueNow(interview, Grader.OFFLINE, STAFF)).as("queued new").isTrue();
        assertThat(queue.enqueueNow(interview, Grader.OFFLINE, STAFF)).as("queued new").isFalse();
        assertThat(jobs(interview)).extracting(j -> j.status)
                .containsExactlyInAnyOrder(GradingJob.Status.RUNNING, GradingJob.Status.QUEUED);

        // The running attempt fails: it is not queued beside the newer request, which makes the scorecard.
        queue.fail(running.id, "boom");
        assertThat(jobs(interview)).extracting(j -> j.status)
                .containsExactlyInAnyOrder(GradingJob.Status.FAILED, GradingJob.Status.QUEUED);
        GradingJob next = claim(interview);
        assertThat(next.level).isEqualTo("staff");
    }

    @Test
    void aFailedAttemptWithNothingElseQueuedIsQueuedAgain() {
        UUID interview = ended();
        queue.enqueueNow(interview, Grader.OFFLINE, Level.DEFAULT);
        GradingJob running = claim(interview);
        queue.fail(running.id, "boom");
        assertThat(claim(interview).id).isEqualTo(running.id);
    }

    @Test
    void requestsArrivingAtTheSameMomentQueueOneJob() throws Exception {
        UUID interview = ended();
        int requests = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    return queue.enqueueNow(interview, Grader.OFFLINE, Level.DEFAULT);
                }));
            }
            go.countDown();
            int queuedNew = 0;
            for (Future<Boolean> f : done) {
                queuedNew += f.get(60, TimeUnit.SECONDS) ? 1 : 0; // none fails
            }
            assertThat(queuedNew).as("requests that queued the job rather than joining it").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jobs(interview)).hasSize(1).allMatch(j -> j.status == GradingJob.Status.QUEUED);
    }

    @Test
    void theDatabaseRefusesASecondQueuedRowForAnInterview() {
        UUID interview = ended();
        queue.enqueueNow(interview, Grader.OFFLINE, Level.DEFAULT);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            GradingJob twin = new GradingJob();
            twin.interviewId = interview;
            twin.queuedFor = interview;
            twin.grader = Grader.OFFLINE;
            twin.level = "senior";
            twin.status = GradingJob.Status.QUEUED;
            twin.createdAt = Instant.now();
            twin.persistAndFlush();
        })).satisfies(e -> assertThat(GradingQueue.isDuplicateQueued(e)).isTrue())
                .isInstanceOfAny(PersistenceException.class, RuntimeException.class);
        assertThat(jobs(interview)).hasSize(1);
    }

    /** Leaves no job to be claimed by the next test of this instance (FairQueueTest counts what is left). */
    @AfterEach
    void closeOpenJobs() {
        QuarkusTransaction.requiringNew().run(() -> GradingJob.update("status = ?1, queuedFor = null where status = ?2 or status = ?3",
                GradingJob.Status.DONE, GradingJob.Status.QUEUED, GradingJob.Status.RUNNING));
    }

    private GradingJob claim(UUID interview) {
        GradingJob job = queue.claim().orElseThrow();
        assertThat(job.interviewId).isEqualTo(interview);
        return job;
    }

    private static List<GradingJob> jobs(UUID interview) {
        return QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>list("interviewId", interview));
    }

    private static UUID ended() {
        String username = Api.newAccount();
        return QuarkusTransaction.requiringNew().call(() -> StoredInterviews.ended(username).id);
    }
}
