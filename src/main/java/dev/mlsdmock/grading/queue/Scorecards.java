package dev.mlsdmock.grading.queue;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.grading.GradingService;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.ScorecardRecord;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.interview.ScorecardLinks;
import dev.mlsdmock.rubric.Level;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an interview's scorecard stands (ready, being made, or why there is none) and asking for a new one: the
 * queue's view of scorecards. The REST resource only maps these answers to HTTP; the WebSocket asks it for the
 * link to a ready scorecard ({@link ScorecardLinks}).
 */
@ApplicationScoped
public class Scorecards implements ScorecardLinks {

    private final InterviewService interviews;
    private final GradingService grading;
    private final GradingQueue queue;
    private final GradingConfig config;

    public Scorecards(InterviewService interviews, GradingService grading, GradingQueue queue, GradingConfig config) {
        this.interviews = interviews;
        this.grading = grading;
        this.queue = queue;
        this.config = config;
    }

    /** What {@code GET .../scorecard} answers. */
    public sealed interface Current permits Ready, Grading, None {
    }

    public record Ready(Scorecard scorecard) implements Current {
    }

    public record Grading() implements Current {
    }

    public record None(String code, String message) implements Current {
    }

    @Override
    @Transactional
    public Optional<String> readyScorecardUrl(UUID interviewId) {
        if (queue.pending(interviewId) || ScorecardRecord.latest(interviewId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Scorecard.url(interviewId));
    }

    @Transactional
    public Current current(UUID interviewId) {
        if (queue.pending(interviewId)) {
            return new Grading();
        }
        Optional<ScorecardRecord> latest = ScorecardRecord.latest(interviewId);
        if (latest.isPresent()) {
            return new Ready(grading.read(latest.get()));
        }
        if (interviews.find(interviewId).map(InterviewService.Record::active).orElse(false)) {
            return new None("not_graded_yet", "The interview is still running; it is graded when it ends.");
        }
        Optional<GradingJob> job = queue.latest(interviewId);
        if (job.isPresent() && job.get().status == GradingJob.Status.FAILED) {
            return new None("grading_failed", "Grading failed after " + job.get().attempts + " attempts ("
                    + job.get().error + "). POST /api/interviews/" + interviewId + "/grade tries again.");
        }
        return new None("no_scorecard", "This interview has no scorecard. POST /api/interviews/" + interviewId
                + "/grade makes one.");
    }

    @Transactional
    public List<Scorecard> all(UUID interviewId) {
        return ScorecardRecord.all(interviewId).stream().map(grading::read).toList();
    }

    /**
     * Queues a new grade of an ended interview; the old scorecards stay. Asking again before grading starts changes
     * what the queued job grades with; asking for the grade being made right now joins it (GradingQueue#enqueue).
     *
     * @return true when a new job was queued, false when the request joined the job already queued or running
     * @throws ApiException {@code interview_active}, or what {@link GradeRequest} rejects
     */
    public boolean regrade(UUID interviewId, GradeRequest request) {
        InterviewService.Record interview = interviews.find(interviewId).orElseThrow();
        if (interview.active()) {
            throw ApiException.conflict("interview_active", "The interview is still running; end it first "
                    + "(POST /api/interviews/" + interviewId + "/end).");
        }
        String grader = request.grader(config.llm());
        Level level = request.level(Level.fromId(interview.level()).orElse(Level.DEFAULT));
        return queue.enqueueNow(interviewId, grader, level);
    }
}
