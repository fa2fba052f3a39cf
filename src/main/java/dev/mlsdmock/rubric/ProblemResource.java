package dev.mlsdmock.rubric;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

/** The problems one can practise. Public: it reveals nothing the interviewer keeps back. */
@Path("/api/problems")
public class ProblemResource {

    private final RubricRegistry rubrics;

    public ProblemResource(RubricRegistry rubrics) {
        this.rubrics = rubrics;
    }

    @GET
    public List<Problem> list() {
        return rubrics.all().stream().map(r -> new Problem(r.id(), r.title(), r.summary())).toList();
    }

    public record Problem(String id, String title, String summary) {
    }
}
