package dev.mlsdmock.sharing;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.interview.TurnComments;
import dev.mlsdmock.limits.Limits;
import dev.mlsdmock.limits.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Comments on the turns of an interview: written by a reviewer through a share link or by the candidate, read in the
 * shared view, the candidate's replay and the export ({@link TurnComments}). The candidate's own comments are
 * labelled "Candidate", so a shared page never shows the owner's username. Callers have already checked access
 * (a live token, or ownership).
 */
@ApplicationScoped
public class CommentService implements TurnComments {

    /** The longest comment the {@code turn_comment.body} column holds. */
    static final int COLUMN_LENGTH = 4000;
    static final String CANDIDATE = "Candidate";

    private final InterviewService interviews;
    private final RateLimiter limiter;
    private final int maxLength;
    private final Clock clock;

    public CommentService(InterviewService interviews, Limits limits, SharingConfig config, Clock clock) {
        if (config.commentMaxLength() < 1 || config.commentMaxLength() > COLUMN_LENGTH) {
            throw new IllegalStateException("sharing.comment-max-length is " + config.commentMaxLength()
                    + "; it must be 1 to " + COLUMN_LENGTH);
        }
        this.interviews = interviews;
        this.limiter = limits.commentsPerAccount();
        this.maxLength = config.commentMaxLength();
        this.clock = clock;
    }

    /**
     * Stores a comment on turn {@code seq} of the interview.
     *
     * @throws ApiException {@code invalid_comment} (no text, too long, no turn), {@code unknown_turn} or
     *                      {@code rate_limited}
     */
    @Transactional
    public View add(UUID interviewId, long accountId, String username, Integer seq, String text) {
        InterviewService.Record interview = interviews.find(interviewId).orElseThrow(ShareService::notFound);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > maxLength) {
            throw ApiException.badRequest("invalid_comment", "A comment is 1 to " + maxLength + " characters of text; "
                    + "this one has " + body.length() + ".");
        }
        if (seq == null || interview.turns().stream().noneMatch(t -> t.seq() == seq)) {
            throw ApiException.badRequest("unknown_turn", "seq is " + seq + "; it must be the number of a turn of "
                    + "this interview (1 to " + interview.turns().size() + ").");
        }
        RateLimiter.Decision decision = limiter.tryAcquire(Long.toString(accountId));
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests("rate_limited", "Too many comments in a short time; this one was not "
                    + "saved. Try again in " + decision.retryAfterSeconds() + " seconds.", decision.retryAfterSeconds());
        }
        Comment comment = new Comment();
        comment.interviewId = interviewId;
        comment.seq = seq;
        comment.accountId = accountId;
        comment.author = username;
        comment.body = body;
        comment.createdAt = Instant.now(clock);
        comment.persist();
        return View.of(comment, interview.accountId(), accountId);
    }

    /** The interview's comments as the account reading them sees them ({@code mine} marks its own). */
    @Transactional
    public List<View> list(UUID interviewId, long readerId) {
        long owner = interviews.ownerOf(interviewId).orElseThrow(ShareService::notFound);
        return Comment.ofInterview(interviewId).stream().map(c -> View.of(c, owner, readerId)).toList();
    }

    /**
     * Deletes a comment of the interview: the author's own, or any one when {@code asOwner}.
     *
     * @throws ApiException {@code comment_not_found} for another interview's comment or someone else's
     */
    @Transactional
    public void delete(UUID interviewId, long accountId, long commentId, boolean asOwner) {
        Comment comment = Comment.findById(commentId);
        if (comment == null || !comment.interviewId.equals(interviewId) || !(asOwner || comment.accountId == accountId)) {
            throw ApiException.notFound("comment_not_found", "There is no comment " + commentId
                    + " you can delete on this interview.");
        }
        comment.delete();
    }

    @Override
    @Transactional
    public List<TurnComment> of(UUID interviewId) {
        long owner = interviews.ownerOf(interviewId).orElse(-1L);
        return Comment.ofInterview(interviewId).stream().map(c -> View.of(c, owner, owner))
                .map(v -> new TurnComment(v.id(), v.seq(), v.author(), v.candidate(), v.text(), v.at())).toList();
    }

    /**
     * A comment as shown: {@code author} is the reviewer's username, or "Candidate" for the interview's owner.
     *
     * @param mine whether the account reading it wrote it (and so may delete it)
     */
    public record View(long id, int seq, String author, boolean candidate, String text, Instant at, boolean mine) {
        static View of(Comment c, long owner, long reader) {
            boolean byOwner = c.accountId == owner;
            return new View(c.id, c.seq, byOwner ? CANDIDATE : c.author, byOwner, c.body, c.createdAt,
                    c.accountId == reader);
        }
    }
}
