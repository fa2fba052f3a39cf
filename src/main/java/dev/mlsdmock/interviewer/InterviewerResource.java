package dev.mlsdmock.interviewer;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

/**
 * {@code GET /api/interviewers}: which interviewers a new interview may ask for, so the browser offers the LLM
 * choice only when one is configured ({@code interviewer.llm}, see the README). Public: it reveals no model or key.
 */
@Path("/api/interviewers")
public class InterviewerResource {

    private final InterviewerChoice choice;

    public InterviewerResource(InterviewerChoice choice) {
        this.choice = choice;
    }

    @GET
    public Available list() {
        return new Available(choice.defaultInterviewer(), choice.available());
    }

    /** The interviewer a new interview gets when it names none, and every one it may name. */
    public record Available(@JsonProperty("default") String defaultInterviewer, List<String> available) {
    }
}
