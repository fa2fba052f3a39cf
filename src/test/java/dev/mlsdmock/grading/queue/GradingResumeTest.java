package dev.mlsdmock.grading.queue;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.ScorecardAssertions;
import dev.mlsdmock.interview.Interview;
import dev.mlsdmock.interview.Turn;
import dev.mlsdmock.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a restart finds in the database, and that the worker finishes it: a job left 'running' by an instance that
 * died (its lease ran out), a job queued without anyone being told, and an ended interview whose job was never
 * queued (the process stopped between ending and queueing).
 */
@QuarkusTest
class GradingResumeTest {

    @Inject
    GradingWorker worker;

    @Inject
    GradingQueue queue;

    @Test
    void aHeartbeatExtendsTheLeaseOfARunningJob() {
        String user = Api.newAccount();
        UUID interview = endedInterview(user);
        long job = QuarkusTransaction.requiringNew().call(() -> {
            GradingJob j = newJob(interview);
            j.status = GradingJob.Status.RUNNING;
            j.attempts = 1;
            j.leaseUntil = Instant.now().plusSeconds(20);
            j.persist();
            return j.id;
        });
        queue.renew(job);
        GradingJob renewed = QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>findById(job));
        assertThat(renewed.leaseUntil).isAfter(Instant.now().plusSeconds(60)); // the default lease is 2 minutes
        assertThat(renewed.status).isEqualTo(GradingJob.Status.RUNNING);
    }

    @Test
    void aJobLeftRunningByADeadWorkerIsClaimedAgainAndCompleted() {
        String user = Api.newAccount();
        UUID interview = endedInterview(user);
        long job = QuarkusTransaction.requiringNew().call(() -> {
            GradingJob j = newJob(interview);
            j.status = GradingJob.Status.RUNNING;
            j.attempts = 1;
            j.leaseUntil = Instant.now().minusSeconds(60); // its worker stopped renewing a minute ago
            j.persist();
            return j.id;
        });
        awaitDone(job);
        ScorecardAssertions.awaitScorecard(user, interview.toString());
        GradingJob done = QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>findById(job));
        assertThat(done.attempts).isEqualTo(2);
        assertThat(done.scorecardId).isNotNull();
    }

    @Test
    void aJobStillLeasedByALiveWorkerIsLeftAlone() {
        String user = Api.newAccount();
        UUID interview = endedInterview(user);
        long job = QuarkusTransaction.requiringNew().call(() -> {
            GradingJob j = newJob(interview);
            j.status = GradingJob.Status.RUNNING;
            j.attempts = 1;
            j.leaseUntil = Instant.now().plusSeconds(600);
            j.persist();
            return j.id;
        });
        // a queued job made after it is done first, so the worker has run past the leased one
        long later = QuarkusTransaction.requiringNew().call(() -> {
            GradingJob j = newJob(endedInterview(user));
            j.persist();
            return j.id;
        });
        awaitDone(later);
        GradingJob leased = QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>findById(job));
        assertThat(leased.status).isEqualTo(GradingJob.Status.RUNNING);
        assertThat(leased.attempts).isEqualTo(1);
    }

    @Test
    void aQueuedJobNobodyWasToldAboutIsPickedUpByPolling() {
        String user = Api.newAccount();
        UUID interview = endedInterview(user);
        long job = QuarkusTransaction.requiringNew().call(() -> {
            GradingJob j = newJob(interview);
            j.persist(); // inserted directly: no wake-up signal, as if queued by an instance that then died
            return j.id;
        });
        awaitDone(job);
    }

    @Test
    void anEndedInterviewThatNeverGotAJobIsQueuedAtStart() {
        String user = Api.newAccount();
        UUID interview = endedInterview(user);
        assertThat(worker.queueForgotten()).isGreaterThanOrEqualTo(1);
        ScorecardAssertions.awaitScorecard(user, interview.toString());
        assertThat(worker.queueForgotten()).as("nothing is queued twice").isZero();
    }

    private static void awaitDone(long jobId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> GradingJob.<GradingJob>findById(jobId).status) == GradingJob.Status.DONE);
    }

    private static GradingJob newJob(UUID interview) {
        GradingJob j = new GradingJob();
        j.interviewId = interview;
        j.grader = Grader.OFFLINE;
        j.level = "senior";
        j.status = GradingJob.Status.QUEUED;
        j.createdAt = Instant.now();
        return j;
    }

    /** An ended interview with one answer, stored directly (no event, no job), as a crash would leave it. */
    private static UUID endedInterview(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Interview i = StoredInterviews.ended(username);
            Turn t = new Turn();
            t.interviewId = i.id;
            t.seq = 1;
            t.role = Role.CANDIDATE;
            t.stage = Stage.FRAME;
            t.text = "I'd frame it as binary classification of click or no click, because the auction multiplies "
                    + "the predicted probability by the bid, so calibration matters.";
            t.at = i.createdAt;
            t.persist();
            return i.id;
        });
    }
}
