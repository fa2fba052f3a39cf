package dev.mlsdmock.grading.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.account.CurrentAccount;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.limits.Limiter;
import dev.mlsdmock.limits.Limits;
import dev.mlsdmock.limits.RateLimiter;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.importing.TranscriptImport;
import dev.mlsdmock.grading.queue.Scorecards;
import dev.mlsdmock.interview.InterviewService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Scorecards of the logged-in account's interviews, re-grading, and importing outside transcripts. Someone else's
 * interview is answered with 404, as if it did not exist. Bodies are read into request records here
 * ({@link RequestBodies}); everything else is the grading services'.
 */
@Path("/api/interviews")
@Authenticated
public class GradingResource {

    private final Scorecards scorecards;
    private final InterviewService interviews;
    private final TranscriptImport importer;
    private final CurrentAccount account;
    private final Limiter grading;

    public GradingResource(Scorecards scorecards, InterviewService interviews, TranscriptImport importer,
                           CurrentAccount account, Limits limits) {
        this.scorecards = scorecards;
        this.interviews = interviews;
        this.importer = importer;
        this.account = account;
        this.grading = limits.gradingPerAccount();
    }

    /** 200 with the newest scorecard, 202 while one is being made, 404 if there is none. */
    @GET
    @Path("/{id}/scorecard")
    public Response scorecard(@PathParam("id") String id) {
        UUID uuid = owned(id);
        Scorecards.Current current = scorecards.current(uuid);
        if (current instanceof Scorecards.Ready ready) {
            return Response.ok(ready.scorecard()).build();
        }
        if (current instanceof Scorecards.None none) {
            throw ApiException.notFound(none.code(), none.message());
        }
        return Response.accepted(new GradingStatus(null)).build();
    }

    /** Every scorecard of the interview, newest first (re-grading keeps the old ones). */
    @GET
    @Path("/{id}/scorecards")
    public List<Scorecard> scorecards(@PathParam("id") String id) {
        return scorecards.all(owned(id));
    }

    /** Queues a new grade: {@code {"grader"?: "offline"|"llm", "level"?: "mid"|"senior"|"staff"}}. */
    @POST
    @Path("/{id}/grade")
    public Response grade(@PathParam("id") String id, JsonNode body) {
        UUID uuid = owned(id);
        counted(() -> scorecards.regrade(uuid, RequestBodies.grade(body)));
        return Response.accepted(new GradingStatus(Scorecard.url(uuid))).build();
    }

    /** Stores an outside transcript as an ended interview and queues its grading: 201 with the new interview. */
    @POST
    @Path("/import")
    public Response importTranscript(JsonNode body) {
        TranscriptImport.Imported[] imported = new TranscriptImport.Imported[1];
        counted(() -> {
            imported[0] = importer.importTranscript(account.id(), RequestBodies.transcript(body));
            return true; // a new interview, so always a new job
        });
        TranscriptImport.Imported i = imported[0];
        return Response.created(URI.create("/api/interviews/" + i.id()))
                .entity(new ImportedDto(i.id(), i.problemId(), i.status(), i.level(), i.turns(), i.placement(),
                        Scorecard.url(i.id())))
                .build();
    }

    /**
     * Imports and re-grades cost embedding and a grader run: an account gets a few at once, then a steady trickle.
     * The token is taken before the work (atomically, on every instance), and given back when the request is
     * rejected or queued no new job (a re-grade that joined the one already queued or running costs nothing more),
     * so only requests that add work use up the allowance and a burst cannot pass more than it.
     *
     * @param work does the request; answers whether it queued a new job
     */
    private void counted(BooleanSupplier work) {
        RateLimiter.Decision decision = grading.tryAcquire(key());
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests("rate_limited", "Too many imports and re-grades in a short time; nothing "
                    + "was queued. Try again in " + decision.retryAfterSeconds() + " seconds.", decision.retryAfterSeconds());
        }
        boolean queuedNew;
        try {
            queuedNew = work.getAsBoolean();
        } catch (RuntimeException e) {
            grading.refund(key());
            throw e;
        }
        if (!queuedNew) {
            grading.refund(key());
        }
    }

    private String key() {
        return Long.toString(account.id());
    }

    private UUID owned(String id) {
        return interviews.owned(account.id(), id);
    }

    /** A scorecard is being made: {@code {"status": "grading", "url"?}}, the URL to read it at once it is ready. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GradingStatus(String status, String url) {
        GradingStatus(String url) {
            this("grading", url);
        }
    }

    public record ImportedDto(UUID id, String problemId, String status, String level, int turns, String placement,
                              String scorecardUrl) {
    }
}
