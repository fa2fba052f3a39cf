package dev.mlsdmock.sharing;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.interview.InterviewService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Share links of an interview: creating, listing and revoking them (its owner only; someone else's interview is the
 * usual 404), and resolving a token to the one interview it opens. Every request reads the database, so a revoked
 * link answers 404 at once on every instance.
 */
@ApplicationScoped
public class ShareService {

    /** Where the browser shows a shared replay; the token travels in the query so a login can return to it. */
    static final String PAGE = "/shared.html?token=";

    private final InterviewService interviews;
    private final SharingConfig config;
    private final Clock clock;

    public ShareService(InterviewService interviews, SharingConfig config, Clock clock) {
        this.interviews = interviews;
        this.config = config;
        this.clock = clock;
    }

    /** A new link; its token is returned this once and never stored in the clear. */
    @Transactional
    public Created create(long accountId, String pathId) {
        UUID interviewId = interviews.owned(accountId, pathId);
        if (ShareLink.count("interviewId", interviewId) >= config.linksPerInterview()) {
            throw ApiException.conflict("too_many_share_links", "This interview already has "
                    + config.linksPerInterview() + " live share links; revoke one (DELETE /api/interviews/"
                    + interviewId + "/shares/{id}) before making another.");
        }
        String token = ShareTokens.generate();
        ShareLink link = new ShareLink();
        link.id = UUID.randomUUID();
        link.interviewId = interviewId;
        link.tokenHash = ShareTokens.hash(token);
        link.hint = ShareTokens.hint(token);
        link.createdAt = Instant.now(clock);
        link.persist();
        return new Created(link.id, token, PAGE + token, link.createdAt);
    }

    /** The interview's live links, oldest first, without their tokens. */
    @Transactional
    public List<Listed> list(long accountId, String pathId) {
        UUID interviewId = interviews.owned(accountId, pathId);
        return ShareLink.ofInterview(interviewId).stream()
                .map(l -> new Listed(l.id, l.hint, l.createdAt)).toList();
    }

    /**
     * Revokes a link of the account's interview.
     *
     * @param share the link's token or its id (from the list)
     */
    @Transactional
    public void revoke(long accountId, String pathId, String share) {
        UUID interviewId = interviews.owned(accountId, pathId);
        ShareLink link = find(share).filter(l -> l.interviewId.equals(interviewId))
                .orElseThrow(() -> ApiException.notFound("share_not_found", "This interview has no live share link "
                        + "'" + share + "'. GET /api/interviews/" + interviewId + "/shares lists them."));
        link.delete();
    }

    /** The interview a live token opens, or the 404 for a malformed, unknown or revoked token. */
    @Transactional
    public UUID interviewOf(String token) {
        if (!ShareTokens.wellFormed(token)) {
            throw notFound();
        }
        return ShareLink.byTokenHash(ShareTokens.hash(token)).map(l -> l.interviewId).orElseThrow(ShareService::notFound);
    }

    /**
     * The interview a live token opens, with the link locked for the caller's transaction: a write through the link
     * (a comment) either commits before a revocation or finds the link gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID lockInterviewOf(String token) {
        if (!ShareTokens.wellFormed(token)) {
            throw notFound();
        }
        return ShareLink.lockByTokenHash(ShareTokens.hash(token)).map(l -> l.interviewId)
                .orElseThrow(ShareService::notFound);
    }

    private static Optional<ShareLink> find(String share) {
        if (ShareTokens.wellFormed(share)) {
            return ShareLink.byTokenHash(ShareTokens.hash(share));
        }
        try {
            return ShareLink.findByIdOptional(UUID.fromString(share));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ApiException notFound() {
        return ApiException.notFound("share_not_found", "This share link does not exist or was revoked. "
                + "Ask the candidate for a new link.");
    }

    /** @param url the browser page of the link, relative to this server */
    public record Created(UUID id, String token, String url, Instant createdAt) {
    }

    /** @param hint the last four characters of the token, to tell links apart */
    public record Listed(UUID id, String hint, Instant createdAt) {
    }
}
