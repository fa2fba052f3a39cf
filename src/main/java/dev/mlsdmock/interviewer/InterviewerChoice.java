package dev.mlsdmock.interviewer;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.provider.Provider;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Which interviewer a new interview gets, and which ones a client may ask for. The LLM is offered, and is the
 * default, only when {@code interviewer.llm} names a provider.
 */
@ApplicationScoped
public class InterviewerChoice {

    private final InterviewerConfig config;
    private final ModelInterviewer model;

    public InterviewerChoice(InterviewerConfig config, ModelInterviewer model) {
        this.config = config;
        this.model = model;
    }

    public boolean llmConfigured() {
        return config.llm() != Provider.OFF;
    }

    /** The interviewer a new interview gets when it names none. */
    public String defaultInterviewer() {
        return llmConfigured() ? InterviewState.LLM : InterviewState.OFFLINE;
    }

    /** Every interviewer a new interview may name, the default first. */
    public List<String> available() {
        return llmConfigured() ? List.of(InterviewState.LLM, InterviewState.OFFLINE) : List.of(InterviewState.OFFLINE);
    }

    /**
     * The interviewer of a new interview: the one asked for, by default the LLM when one is configured.
     *
     * @param requested   {@code llm}, {@code offline} or null
     * @param tokenBudget the client's budget for this interview, or null for the configured default
     */
    public Choice choose(String requested, Integer tokenBudget) {
        if (tokenBudget != null && tokenBudget <= 0) {
            throw ApiException.badRequest("invalid_token_budget", "tokenBudget must be a positive number of tokens.");
        }
        String interviewer = requested == null || requested.isBlank() ? defaultInterviewer() : requested;
        if (InterviewState.OFFLINE.equals(interviewer)) {
            return new Choice(InterviewState.OFFLINE, null, null);
        }
        if (!InterviewState.LLM.equals(interviewer)) {
            throw ApiException.badRequest("unknown_interviewer", "Unknown interviewer '" + requested
                    + "'. Ask for \"llm\" or \"offline\", or leave it out for the server's default.");
        }
        if (!llmConfigured()) {
            throw ApiException.badRequest("llm_not_configured", "This server has no LLM interviewer configured "
                    + "(interviewer.llm=off). Ask for \"interviewer\":\"offline\", or configure a provider as "
                    + "docs/llm.md describes.");
        }
        Integer budget = tokenBudget;
        if (config.tokenBudget().isPresent()) {
            int configured = config.tokenBudget().getAsInt();
            budget = tokenBudget == null ? configured : Integer.valueOf(Math.min(tokenBudget, configured));
        }
        return new Choice(InterviewState.LLM, model.label(), budget);
    }

    /** The interviewer and model recorded on a new interview, and its token budget (null: unlimited). */
    public record Choice(String interviewer, String model, Integer tokenBudget) {
    }
}
