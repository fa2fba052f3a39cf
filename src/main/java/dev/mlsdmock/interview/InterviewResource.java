package dev.mlsdmock.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlsdmock.account.CurrentAccount;
import dev.mlsdmock.web.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Interviews of the logged-in account. Someone else's interview is answered with 404, as if it did not exist. */
@Path("/api/interviews")
@Authenticated
public class InterviewResource {

    private final InterviewService interviews;
    private final CurrentAccount account;

    public InterviewResource(InterviewService interviews, CurrentAccount account) {
        this.interviews = interviews;
        this.account = account;
    }

    @POST
    public Response create(CreateInterview body) {
        Interview interview = interviews.create(account.id(), body == null ? null : body.problemId(),
                body == null ? null : body.level());
        return Response.created(URI.create("/api/interviews/" + interview.id)).entity(Summary.of(interview)).build();
    }

    @GET
    public List<Summary> list() {
        return interviews.list(account.id()).stream().map(Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    public Details get(@PathParam("id") String id) {
        InterviewService.Details details = interviews.details(account.id(), parse(id)).orElseThrow(() -> notFound(id));
        Interview i = details.interview();
        return new Details(i.id, i.problemId, i.status.id(), i.stage.id(), i.interviewer, i.level, i.createdAt, i.endedAt,
                details.turns().stream().map(TurnDto::of).toList());
    }

    /** Ends the interview (the same as the WebSocket "end" frame). Ending an ended interview changes nothing. */
    @POST
    @Path("/{id}/end")
    public Status end(@PathParam("id") String id) {
        UUID uuid = parse(id);
        if (!interviews.isOwnedBy(uuid, account.id())) {
            throw notFound(id);
        }
        interviews.end(uuid, (seq, piece) -> { });
        return new Status("ended");
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("interview_not_found", "There is no interview " + id
                + " for this account. GET /api/interviews lists yours.");
    }

    public record CreateInterview(String problemId, String level) {
    }

    public record Status(String status) {
    }

    public record Summary(UUID id, String problemId, String status, String stage, String interviewer, String level,
                          Instant createdAt, Instant endedAt) {
        static Summary of(Interview i) {
            return new Summary(i.id, i.problemId, i.status.id(), i.stage.id(), i.interviewer, i.level, i.createdAt, i.endedAt);
        }
    }

    public record Details(UUID id, String problemId, String status, String stage, String interviewer, String level,
                          Instant createdAt, Instant endedAt, List<TurnDto> turns) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TurnDto(int seq, String role, String stage, String text, Instant at, String clientId) {
        static TurnDto of(TurnView t) {
            return new TurnDto(t.seq(), t.role().id(), t.stage().id(), t.text(), t.at(), t.clientId());
        }
    }
}
