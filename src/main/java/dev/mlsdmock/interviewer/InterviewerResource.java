package dev.mlsdmock.interviewer;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/interviewers}: which interviewers a new interview may ask for, so the browser offers the LLM
 * choice only when one is configured ({@code interviewer.llm}, see the README). Public: it reveals no model or key.
 */
@Path("/api/interviewers")
public class InterviewerResource {

    private static final Set<String> NO_LLM = Set.of("", "off", "none", "offline");

    private final Optional<String> llm;

    public InterviewerResource(@ConfigProperty(name = "interviewer.llm") Optional<String> llm) {
        this.llm = llm;
    }

    @GET
    public Choice list() {
        boolean configured = llm.map(String::trim).filter(v -> !NO_LLM.contains(v.toLowerCase())).isPresent();
        return configured ? new Choice("llm", List.of("llm", "offline")) : new Choice("offline", List.of("offline"));
    }

    /** The interviewer a new interview gets when it names none, and every one it may name. */
    public record Choice(@JsonProperty("default") String defaultInterviewer, List<String> available) {
    }
}
