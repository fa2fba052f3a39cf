package dev.mlsdmock.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlsdmock.account.CurrentAccount;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import dev.mlsdmock.error.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/interviews/{id}/export?format=md|json}: the transcript as a file to keep (the browser's replay
 * page offers both). Same ownership rule as the rest of the API: someone else's interview is a 404.
 */
@Path("/api/interviews/{id}/export")
@Authenticated
public class ExportResource {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final InterviewService interviews;
    private final RubricRegistry rubrics;
    private final CurrentAccount account;
    private final TurnComments comments;

    public ExportResource(InterviewService interviews, RubricRegistry rubrics, CurrentAccount account,
                          TurnComments comments) {
        this.interviews = interviews;
        this.rubrics = rubrics;
        this.account = account;
        this.comments = comments;
    }

    @GET
    public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
        String f = format == null || format.isBlank() ? "md" : format;
        if (!f.equals("md") && !f.equals("json")) {
            throw ApiException.badRequest("unknown_format", "Unknown export format '" + format
                    + "'. Use format=md (Markdown) or format=json.");
        }
        InterviewService.Details details = interviews.details(account.id(), id);
        Interview i = details.interview();
        List<TurnComments.TurnComment> notes = comments.of(i.id);
        String title = rubrics.find(i.problemId).map(Rubric::title).orElse(i.problemId);
        String file = "interview-" + i.problemId + "-" + FILE_DATE.format(i.createdAt) + "." + f;
        Response.ResponseBuilder response = f.equals("md")
                ? Response.ok(TranscriptMarkdown.render(title, i, details.turns(), notes), "text/markdown; charset=utf-8")
                : Response.ok(Export.of(title, details, notes), MediaType.APPLICATION_JSON_TYPE);
        return response.header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /**
     * The JSON export: the interview with its problem's title, every turn and the comments on turns.
     *
     * @param drill the stage id a stage drill practises; null for a full interview (as in the interview's own reads)
     */
    public record Export(UUID id, String problemId, String problemTitle, String drill, String status, String interviewer,
                         Instant createdAt, Instant endedAt, List<ExportTurn> turns,
                         List<TurnComments.TurnComment> comments) {
        static Export of(String title, InterviewService.Details d, List<TurnComments.TurnComment> comments) {
            Interview i = d.interview();
            return new Export(i.id, i.problemId, title, i.drill == null ? null : i.drill.id(), i.status.id(),
                    i.interviewer, i.createdAt, i.endedAt, d.turns().stream().map(ExportTurn::of).toList(), comments);
        }
    }

    /** @param kind {@code "hint"} on a coach-mode hint (as on the WebSocket {@code turn} frame), {@code "diagram"} on a version of the candidate's diagram, else absent */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportTurn(int seq, String role, String stage, String text, Instant at, String clientId, String kind) {
        static ExportTurn of(TurnView t) {
            return new ExportTurn(t.seq(), t.role().id(), t.stage().id(), t.text(), t.at(), t.clientId(),
                    t.diagram() ? "diagram" : t.kind() == TurnPlan.Kind.HINT ? "hint" : null);
        }
    }
}
