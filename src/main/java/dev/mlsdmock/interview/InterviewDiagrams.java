package dev.mlsdmock.interview;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.limits.Limits;
import dev.mlsdmock.limits.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The candidate's diagram (Mermaid text) during an interview: each saved version is a candidate turn of kind
 * {@code diagram}, committed before its echo and idempotent by client id like an answer. A version never asks the
 * interviewer for a reply: the interviewer reads the latest one when it next speaks.
 */
@ApplicationScoped
public class InterviewDiagrams {

    private final InterviewConfig config;
    private final RateLimiter saves;
    private final Clock clock;

    public InterviewDiagrams(InterviewConfig config, Limits limits, Clock clock) {
        this.config = config;
        this.saves = limits.diagramsPerAccount();
        this.clock = clock;
    }

    /**
     * Stores a diagram version of the account's interview, or finds the one stored before under the same client id.
     *
     * @return the stored turn, and whether it had been stored before
     */
    public Saved save(UUID id, long accountId, String clientId, String text) {
        RateLimiter.Decision decision = saves.tryAcquire(Long.toString(accountId));
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests("rate_limited", "Too many diagram saves in a short time; nothing was "
                    + "stored. Save again in " + decision.retryAfterSeconds() + " seconds.", decision.retryAfterSeconds());
        }
        DiagramCheck.check(clientId, text, config.maxDiagramChars());
        return QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = InterviewIds.lock(id);
            Optional<Turn> existing = Turn.byClientId(id, clientId);
            if (existing.isPresent()) {
                TurnView turn = existing.get().view();
                if (!turn.diagram()) {
                    throw ApiException.badRequest("invalid_client_id", "This clientId belongs to an answer; give each "
                            + "diagram version a clientId of its own.");
                }
                return new Saved(turn, true);
            }
            if (!interview.isActive()) {
                throw ApiException.conflict("interview_ended", "This interview has ended; the diagram can no longer "
                        + "be changed.");
            }
            Turn turn = Turn.diagram(id, Turn.lastSeq(id) + 1, interview.stage, text, Instant.now(clock), clientId);
            turn.persist();
            return new Saved(turn.view(), false);
        });
    }

    /** A stored diagram version; {@code duplicate} when it had been stored before under the same client id. */
    public record Saved(TurnView turn, boolean duplicate) {
    }
}
