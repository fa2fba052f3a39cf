package dev.mlsdmock.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.account.CurrentAccount;
import dev.mlsdmock.interview.Interview;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.error.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scorecards of the logged-in account's interviews, re-grading, and importing outside transcripts. Someone else's
 * interview is answered with 404, as if it did not exist.
 */
@Path("/api/interviews")
@Authenticated
public class GradingResource {

    private final Scorecards scorecards;
    private final InterviewService interviews;
    private final TranscriptImport importer;
    private final CurrentAccount account;

    public GradingResource(Scorecards scorecards, InterviewService interviews, TranscriptImport importer,
                           CurrentAccount account) {
        this.scorecards = scorecards;
        this.interviews = interviews;
        this.importer = importer;
        this.account = account;
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
        return Response.accepted(Map.of("status", "grading")).build();
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
        scorecards.regrade(uuid, body);
        return Response.accepted(Map.of("status", "grading", "url", scorecardUrl(uuid))).build();
    }

    @POST
    @Path("/import")
    public Response importTranscript(JsonNode body) {
        TranscriptImport.Imported imported = importer.importTranscript(account.id(), body);
        Interview i = imported.interview();
        return Response.created(URI.create("/api/interviews/" + i.id))
                .entity(new ImportedDto(i.id, i.problemId, i.status.id(), i.level, imported.turns(), scorecardUrl(i.id)))
                .build();
    }

    static String scorecardUrl(UUID interviewId) {
        return "/api/interviews/" + interviewId + "/scorecard";
    }

    private UUID owned(String id) {
        return interviews.owned(account.id(), id);
    }

    public record ImportedDto(UUID id, String problemId, String status, String level, int turns, String scorecardUrl) {
    }
}
