package dev.mlsdmock.grading.queue;

import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.grading.queue.GradingJob.Status;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.rubric.Level;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The grading queue, in the database: a job is a row, so it outlives the process that queued it. A worker claims
 * a row with a conditional update (portable across PostgreSQL and H2, and safe with several instances) that gives
 * it a lease; a job whose lease has run out belonged to a worker that died and is claimed again.
 * <p>
 * Fairness: an interview has at most one queued job (asking again updates it; the database enforces it), and workers take jobs round-robin
 * across accounts: an account that was just served waits until every other waiting account had a turn.
 */
@ApplicationScoped
public class GradingQueue {

    /** Least recently served account first, then its oldest job; a correlated subquery, as portable SQL as it gets. */
    private static final String ROUND_ROBIN = "select j.id from grading_job j "
            + "where j.status = 'QUEUED' or (j.status = 'RUNNING' and j.lease_until < ?1) "
            + "order by (select max(p.claimed_at) from grading_job p where p.account_id = j.account_id) nulls first, "
            + "j.created_at, j.id";

    private final GradingConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final Semaphore wakeUp = new Semaphore(0);
    private final InterviewService interviews;

    public GradingQueue(GradingConfig config, Clock clock, TransactionSynchronizationRegistry transactions,
                        InterviewService interviews) {
        this.interviews = interviews;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Queues a job in a transaction of its own. When another request for the interview queued a job at the same
     * moment, the database refuses the second queued row (V12) and this request joins the job that won.
     *
     * @return true when this request queued a new job, false when it joined one already queued or running (what a
     * re-grade costs of the account's allowance depends on it)
     */
    public boolean enqueueNow(UUID interviewId, String grader, Level level) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> queue(interviewId, grader, level).queuedNew());
        } catch (RuntimeException e) {
            if (!isDuplicateQueued(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> queue(interviewId, grader, level).queuedNew());
        }
    }

    /** The job a request is served by, and whether the request queued it (rather than joining it). */
    private record Enqueued(GradingJob job, boolean queuedNew) {
    }

    /**
     * Queues a job in the caller's transaction; the worker is woken once that transaction commits. An interview has
     * at most one queued job: asking again before grading starts updates it, and asking for the grade that is being
     * made right now (same grader and level) joins that job instead of queueing the same work again. A request for a
     * different grade while one runs is queued, once.
     *
     * @param grader {@link Grader#OFFLINE} or {@link Grader#LLM}
     * @throws jakarta.persistence.PersistenceException a duplicate queued job: another transaction queued one for
     *                                                  this interview at the same moment ({@link #enqueueNow} retries)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GradingJob enqueue(UUID interviewId, String grader, Level level) {
        return queue(interviewId, grader, level).job();
    }

    private Enqueued queue(UUID interviewId, String grader, Level level) {
        // A conditional update rather than a read and a write: a worker claiming the job at this moment either
        // claims it with the new grader and level, or the job is no longer queued and the cases below apply.
        if (GradingJob.update("grader = ?1, level = ?2 where queuedFor = ?3", grader, level.id(), interviewId) == 1) {
            GradingJob queued = GradingJob.find("queuedFor", interviewId).firstResult();
            GradingJob.getEntityManager().refresh(queued);
            return new Enqueued(queued, false);
        }
        Optional<GradingJob> running = GradingJob.find("interviewId = ?1 and status = ?2 and grader = ?3 and level = ?4",
                interviewId, Status.RUNNING, grader, level.id()).firstResultOptional();
        if (running.isPresent()) {
            return new Enqueued(running.get(), false);
        }
        GradingJob job = new GradingJob();
        job.interviewId = interviewId;
        job.accountId = interviews.ownerOf(interviewId).orElse(null);
        job.grader = grader;
        job.level = level.id();
        job.status = Status.QUEUED;
        job.queuedFor = interviewId;
        job.createdAt = Instant.now(clock);
        job.persistAndFlush();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    signal();
                }
            }
        });
        return new Enqueued(job, true);
    }

    /**
     * The next job among those queued or whose worker's lease ran out, round-robin across accounts (the account a
     * worker served longest ago first, then its oldest job), now leased to the caller.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<GradingJob> claim() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Number> candidates = GradingJob.getEntityManager().createNativeQuery(ROUND_ROBIN)
                .setParameter(1, now).setMaxResults(10).getResultList();
        for (Number number : candidates) {
            long id = number.longValue();
            int claimed = GradingJob.update("status = ?1, queuedFor = null, leaseUntil = ?2, claimedAt = ?5, attempts = attempts + 1 where id = ?3 "
                            + "and (status = ?4 or (status = ?1 and leaseUntil < ?5))",
                    Status.RUNNING, now.plus(config.lease()), id, Status.QUEUED, now);
            if (claimed == 1) {
                GradingJob job = GradingJob.findById(id);
                GradingJob.getEntityManager().refresh(job);
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    /** Extends the lease of a job its worker is still working on (a heartbeat), so nobody else takes it over. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renew(long jobId) {
        GradingJob.update("leaseUntil = ?1 where id = ?2 and status = ?3", Instant.now(clock).plus(config.lease()), jobId,
                Status.RUNNING);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(long jobId, UUID scorecardId) {
        GradingJob.update("status = ?1, finishedAt = ?2, scorecardId = ?3, error = null where id = ?4",
                Status.DONE, Instant.now(clock), scorecardId, jobId);
    }

    /**
     * A failed attempt: the job is queued again until it has been tried {@code grading.max-attempts} times, unless a
     * newer request for the interview is queued already (that one will make the scorecard).
     */
    public void fail(long jobId, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> failed(jobId, error, true));
        } catch (RuntimeException e) {
            if (!isDuplicateQueued(e)) {
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> failed(jobId, error, false));
        }
    }

    private void failed(long jobId, String error, boolean mayRetry) {
        GradingJob job = GradingJob.findById(jobId);
        if (job == null) {
            return;
        }
        job.error = error.length() > 2000 ? error.substring(0, 2000) : error;
        job.leaseUntil = null;
        if (mayRetry && job.attempts < config.maxAttempts() && GradingJob.count("queuedFor", job.interviewId) == 0) {
            job.status = Status.QUEUED;
            job.queuedFor = job.interviewId;
            job.persistAndFlush();
        } else {
            job.status = Status.FAILED;
            job.queuedFor = null;
            job.finishedAt = Instant.now(clock);
        }
    }

    /** Whether the database refused a second queued job for an interview (the unique index of V12). */
    static boolean isDuplicateQueued(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** Jobs waiting to be claimed, on all instances. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long depth() {
        return GradingJob.count("status", Status.QUEUED);
    }

    /** Whether a scorecard for the interview is being made (queued or running). */
    @Transactional
    public boolean pending(UUID interviewId) {
        return GradingJob.count("interviewId = ?1 and (status = ?2 or status = ?3)", interviewId, Status.QUEUED,
                Status.RUNNING) > 0;
    }

    @Transactional
    public Optional<GradingJob> latest(UUID interviewId) {
        return GradingJob.find("interviewId = ?1 order by createdAt desc, id desc", interviewId).firstResultOptional();
    }

    /** Tells an idle worker to look now rather than at its next poll. */
    public void signal() {
        wakeUp.release();
    }

    /** Waits until {@link #signal()} or the poll interval has passed. */
    boolean awaitWork() throws InterruptedException {
        boolean signalled = wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
        return signalled;
    }
}
