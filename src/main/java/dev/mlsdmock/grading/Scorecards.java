package dev.mlsdmock.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.interview.ScorecardLinks;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reading scorecards and asking for new ones; the REST resource only maps these answers to HTTP. */
@ApplicationScoped
public class Scorecards implements ScorecardLinks {

    private static final Set<String> GRADE_FIELDS = Set.of("grader", "level");

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
        return Optional.of(GradingResource.scorecardUrl(interviewId));
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

    /** Queues a new grade of an ended interview; the old scorecards stay. */
    @Transactional
    public void regrade(UUID interviewId, JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw ApiException.badRequest("invalid_grade_request", "The body is optional; if given it is "
                    + "{\"grader\"?: \"offline\"|\"llm\", \"level\"?: \"mid\"|\"senior\"|\"staff\"}.");
        }
        if (body != null && body.isObject()) {
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!GRADE_FIELDS.contains(name)) {
                    throw ApiException.badRequest("invalid_grade_request", "Unknown field '" + name
                            + "'; the fields are grader and level.");
                }
            }
        }
        InterviewService.Record interview = interviews.find(interviewId).orElseThrow();
        if (interview.active()) {
            throw ApiException.conflict("interview_active", "The interview is still running; end it first "
                    + "(POST /api/interviews/" + interviewId + "/end).");
        }
        JsonNode graderNode = body == null ? null : body.get("grader");
        String grader = graderNode == null || graderNode.isNull() ? GradingTrigger.defaultGrader(config) : graderNode.asText();
        if (!grader.equals(GradingQueue.OFFLINE) && !grader.equals(GradingQueue.LLM)) {
            throw ApiException.badRequest("unknown_grader", "There is no grader '" + grader + "'. The graders are offline and llm.");
        }
        if (grader.equals(GradingQueue.LLM) && config.llm() == GradingConfig.LlmMode.OFF) {
            throw ApiException.conflict("llm_not_configured", "No LLM grader is configured on this server "
                    + "(grading.llm=off); use \"grader\": \"offline\", or see docs/grading.md to configure one.");
        }
        JsonNode levelNode = body == null ? null : body.get("level");
        Level level = levelNode == null || levelNode.isNull()
                ? Level.fromId(interview.level()).orElse(Level.DEFAULT) : TranscriptImport.level(levelNode);
        queue.enqueue(interviewId, grader, level);
    }
}
