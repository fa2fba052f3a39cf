package dev.mlsdmock.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.queue.Scorecards;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a share link shows: one interview's transcript, its newest scorecard and the comments, and nothing that
 * names the candidate (no username, account id or interview id; the candidate is "Candidate") or leads elsewhere;
 * and the only writes a link allows: commenting and deleting one's own comments.
 */
@ApplicationScoped
public class SharedReplay {

    private final ShareService shares;
    private final InterviewService interviews;
    private final Scorecards scorecards;
    private final CommentService comments;
    private final RubricRegistry rubrics;

    public SharedReplay(ShareService shares, InterviewService interviews, Scorecards scorecards,
                        CommentService comments, RubricRegistry rubrics) {
        this.shares = shares;
        this.interviews = interviews;
        this.scorecards = scorecards;
        this.comments = comments;
        this.rubrics = rubrics;
    }

    /** The view of the interview the token opens, for the signed-in account {@code readerId}. */
    @Transactional
    public View view(String token, long readerId) {
        UUID id = shares.interviewOf(token);
        InterviewService.Record interview = interviews.find(id).orElseThrow(ShareService::notFound);
        Scorecards.Current current = scorecards.current(id);
        Scorecard card = current instanceof Scorecards.Ready ready ? ready.scorecard() : null;
        String cardStatus = card != null ? "ready" : current instanceof Scorecards.Grading ? "grading" : "none";
        String title = rubrics.find(interview.problemId()).map(Rubric::title).orElse(interview.problemId());
        return new View(CommentService.CANDIDATE, interview.problemId(), title, interview.level(), interview.status(),
                interview.drill() == null ? null : interview.drill().id(), interview.turns().stream().map(SharedTurn::of).toList(), cardStatus,
                card == null ? null : SharedScorecard.of(card), comments.list(id, readerId));
    }

    /** A comment through the link; the link stays locked until it is stored (see {@link ShareService#lockInterviewOf}). */
    @Transactional
    public CommentService.View comment(String token, long accountId, String username, NewComment body) {
        return comments.add(shares.lockInterviewOf(token), accountId, username, NewComment.seq(body),
                NewComment.text(body));
    }

    /** Deletes the caller's own comment through the link. */
    @Transactional
    public void deleteComment(String token, long accountId, long commentId) {
        comments.delete(shares.lockInterviewOf(token), accountId, commentId, false);
    }

    /**
     * @param candidate       the label the page shows for the candidate: always "Candidate"
     * @param drill           the stage id of a stage drill, absent for a full interview
     * @param scorecardStatus {@code ready}, {@code grading} or {@code none}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String candidate, String problemId, String problemTitle, String level, String status,
                       String drill,
                       List<SharedTurn> turns, String scorecardStatus, SharedScorecard scorecard,
                       List<CommentService.View> comments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SharedTurn(int seq, String role, String stage, String text, Instant at, String kind) {
        static SharedTurn of(TurnView t) {
            return new SharedTurn(t.seq(), t.role().id(), t.stage().id(), t.text(), t.at(),
                    t.kind() == null ? null : t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** The scorecard without its ids (they name the interview, which only its owner may use). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SharedScorecard(String rubricId, String rubricVersion, String grader, Scorecard.Fallback fallback,
                                  String level, int overall, String recommendation, Scorecard.Drill drill,
                                  List<Scorecard.StageScore> stages,
                                  List<Scorecard.CriterionScore> criteria, List<Scorecard.Flag> flags,
                                  Scorecard.Spread spread, Instant createdAt) {
        static SharedScorecard of(Scorecard c) {
            return new SharedScorecard(c.rubricId(), c.rubricVersion(), c.grader(), c.fallback(), c.level(),
                    c.overall(), c.recommendation(), c.drill(), c.stages(), c.criteria(), c.flags(), c.spread(), c.createdAt());
        }
    }
}
