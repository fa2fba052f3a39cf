package dev.mlsdmock.grading.queue;

import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.grading.GradingService;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.ScorecardRecord;
import dev.mlsdmock.interview.Frames.ScorecardFrame;
import dev.mlsdmock.interview.InterviewBroadcast;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.rubric.Level;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Works off the grading queue on its own thread, never on a request thread. At start it first queues any ended
 * interview that has neither a scorecard nor a job (the process stopped between ending and queueing), then claims
 * jobs one at a time: queued ones, and running ones whose worker died (their lease ran out; a live worker renews
 * the lease of its job while it works). When a scorecard is
 * stored, open WebSocket connections of the interview, on any instance, get a {@code scorecard} frame.
 */
@ApplicationScoped
public class GradingWorker {

    private static final Logger LOG = Logger.getLogger(GradingWorker.class);

    private final GradingQueue queue;
    private final GradingService grading;
    private final InterviewBroadcast broadcast;
    private final GradingConfig config;
    private final InterviewService interviews;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "grading-lease-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final MeterRegistry registry;
    /** Jobs waiting, as of this worker's last look; read by the metrics scrape without touching the database. */
    private final AtomicLong depth = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean stopping;

    public GradingWorker(GradingQueue queue, GradingService grading, InterviewBroadcast broadcast, GradingConfig config,
                         InterviewService interviews, MeterRegistry registry) {
        this.interviews = interviews;
        this.registry = registry;
        Gauge.builder("mlsd.grading.queue.depth", depth, AtomicLong::get)
                .description("Grading jobs queued (all instances), as last seen by this instance's worker").register(registry);
        this.queue = queue;
        this.grading = grading;
        this.broadcast = broadcast;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.worker()) {
            LOG.info("Grading worker disabled (grading.worker=false): this instance only queues grading jobs");
            return;
        }
        Thread t = new Thread(this::run, "grading-worker");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        heartbeats.shutdownNow();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        try {
            queueForgotten();
        } catch (RuntimeException e) {
            LOG.error("Could not look for ended interviews without a grading job", e);
        }
        while (!stopping) {
            try {
                if (!workOne()) {
                    depth.set(queue.depth());
                    queue.awaitWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.error("Grading worker error; retrying after the poll interval", e);
                try {
                    queue.awaitWork();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims and runs one job; false when there was none. */
    boolean workOne() {
        Optional<GradingJob> claimed = queue.claim();
        if (claimed.isEmpty()) {
            return false;
        }
        GradingJob job = claimed.get();
        long every = Math.max(1, config.lease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                queue.renew(job.id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not renew the lease of grading job %d", job.id);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            Level level = Level.fromId(job.level).orElse(Level.DEFAULT);
            UUID scorecardId = grading.gradeAndStore(job.interviewId, job.grader, level);
            queue.complete(job.id, scorecardId);
            outcome = "done";
            LOG.infof("Graded interview %s (job %d, %s)", job.interviewId, job.id, job.grader);
            broadcast.publish(job.interviewId, new ScorecardFrame(Scorecard.url(job.interviewId)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Grading job %d of interview %s failed (attempt %d)", job.id, job.interviewId, job.attempts);
            queue.fail(job.id, GradingService.describe(e));
        } finally {
            heartbeat.cancel(false);
            Timer.builder("mlsd.grading.duration").description("Grading one interview, from claim to stored scorecard")
                    .tag("grader", job.grader).tag("outcome", outcome).publishPercentileHistogram().register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
        return true;
    }

    /** Queues ended interviews that have neither a scorecard nor a job; returns how many. */
    int queueForgotten() {
        List<InterviewService.Ended> ended = interviews.ended();
        int queued = QuarkusTransaction.requiringNew().call(() -> {
            java.util.Set<UUID> known = new java.util.HashSet<>(GradingJob.getEntityManager()
                    .createQuery("select j.interviewId from GradingJob j", UUID.class).getResultList());
            known.addAll(ScorecardRecord.getEntityManager()
                    .createQuery("select s.interviewId from ScorecardRecord s", UUID.class).getResultList());
            int count = 0;
            for (InterviewService.Ended e : ended) {
                if (!known.contains(e.id())) {
                    queue.enqueue(e.id(), Grader.defaultKind(config.llm()), Level.fromId(e.level()).orElse(Level.DEFAULT));
                    count++;
                }
            }
            return count;
        });
        if (queued > 0) {
            LOG.infof("Queued grading for %d ended interview(s) that had none", queued);
        }
        return queued;
    }
}
