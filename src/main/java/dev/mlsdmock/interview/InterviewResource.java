package dev.mlsdmock.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlsdmock.account.CurrentAccount;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interviewer.Usage;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Interviews of the logged-in account. Someone else's interview is answered with 404, as if it did not exist. */
@Path("/api/interviews")
@Authenticated
public class InterviewResource {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;

    private final InterviewService interviews;
    private final InterviewDialogue dialogue;
    private final CurrentAccount account;

    public InterviewResource(InterviewService interviews, InterviewDialogue dialogue, CurrentAccount account) {
        this.interviews = interviews;
        this.dialogue = dialogue;
        this.account = account;
    }

    @POST
    public Response create(CreateInterview body) {
        Interview interview = body == null ? interviews.create(account.id(), null)
                : interviews.create(account.id(), body.problemId(), body.interviewer(), body.tokenBudget(), body.level(),
                body.mode(), body.drill());
        return Response.created(URI.create("/api/interviews/" + interview.id)).entity(Summary.of(interview)).build();
    }

    /**
     * The caller's interviews, newest first, a page at a time: {@code limit} (1-200, default 50) from {@code offset}.
     * The body stays a plain array; a {@code Link: <...>; rel="next"} header points to the next page when there is one.
     */
    @GET
    public Response list(@QueryParam("limit") @DefaultValue("" + DEFAULT_PAGE) int limit,
                         @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw ApiException.badRequest("invalid_page", "limit is 1 to " + MAX_PAGE + " (default " + DEFAULT_PAGE
                    + ") and offset is 0 or more.");
        }
        List<Interview> page = interviews.list(account.id(), offset, limit + 1);
        Response.ResponseBuilder response = Response.ok(page.stream().limit(limit).map(Summary::of).toList());
        if (page.size() > limit) {
            response.header("Link", "</api/interviews?offset=" + (offset + limit) + "&limit=" + limit + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    public Details get(@PathParam("id") String id) {
        InterviewService.Details details = interviews.details(account.id(), id);
        Interview i = details.interview();
        return new Details(i.id, i.problemId, i.status.id(), i.stage.id(), i.interviewer, i.model, i.level, i.mode,
                drillOf(i), i.createdAt, i.endedAt, details.turns().stream().map(TurnDto::of).toList(),
                Usage.of(details.turns(), i.tokenBudget));
    }

    /** Ends the interview (the same as the WebSocket "end" frame). Ending an ended interview changes nothing. */
    @POST
    @Path("/{id}/end")
    public Status end(@PathParam("id") String id) {
        dialogue.end(interviews.owned(account.id(), id), (seq, piece) -> { });
        return new Status("ended");
    }

    /**
     * @param interviewer {@code llm} or {@code offline}; when absent, the LLM if the server has one configured
     * @param tokenBudget optional cap on the tokens the LLM may use in this interview
     * @param level       target seniority for grading: mid, senior (the default) or staff
     * @param mode        {@code interview} (the default) or {@code coach}: hints on request
     * @param drill       a stage id for a stage drill (that step alone), or absent for a full interview
     */
    public record CreateInterview(String problemId, String interviewer, Integer tokenBudget, String level, String mode,
                                  String drill) {
    }

    public record Status(String status) {
    }

    private static String drillOf(Interview i) {
        return i.drill == null ? null : i.drill.id();
    }

    /** @param drill the stage a stage drill practises; null for a full interview */
    public record Summary(UUID id, String problemId, String status, String stage, String interviewer, String model,
                          String level, String mode, String drill, Instant createdAt, Instant endedAt) {
        static Summary of(Interview i) {
            return new Summary(i.id, i.problemId, i.status.id(), i.stage.id(), i.interviewer, i.model, i.level, i.mode,
                    drillOf(i), i.createdAt, i.endedAt);
        }
    }

    public record Details(UUID id, String problemId, String status, String stage, String interviewer, String model,
                          String level, String mode, String drill, Instant createdAt, Instant endedAt,
                          List<TurnDto> turns, Usage usage) {
    }

    /**
     * @param source for an interviewer turn: {@code offline}, {@code <provider>/<model>}, {@code offline-fallback}
     *               or {@code offline-budget}
     * @param usage  for a model-spoken turn: its token counts
     * @param kind   for an interviewer turn: what it did, e.g. {@code probe}, {@code hint}
     * @param signals for a candidate turn: each rubric signal it showed first, with {@code prompted} null when raised
     *               unprompted, or the seq of the interviewer turn (probe or hint) that asked about it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TurnDto(int seq, String role, String stage, String text, Instant at, String clientId, String source,
                          Boolean fallback, TurnUsage usage, String kind, List<ShownSignal> signals) {
        static TurnDto of(TurnView t) {
            TurnUsage usage = t.inputTokens() == null && t.outputTokens() == null ? null
                    : new TurnUsage(t.inputTokens(), t.outputTokens());
            List<ShownSignal> signals = t.signals().isEmpty() ? null : t.signals().stream().sorted()
                    .map(s -> new ShownSignal(s, t.promptedBy().get(s))).toList();
            return new TurnDto(t.seq(), t.role().id(), t.stage().id(), t.text(), t.at(), t.clientId(), t.source(),
                    t.fallback() ? Boolean.TRUE : null, usage,
                    t.kind() == null ? null : t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), signals);
        }
    }

    public record TurnUsage(Integer inputTokens, Integer outputTokens) {
    }

    /** A signal a candidate turn showed; {@code prompted}: the seq of the probe or hint that asked for it, or null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ShownSignal(String id, Integer prompted) {
    }
}
