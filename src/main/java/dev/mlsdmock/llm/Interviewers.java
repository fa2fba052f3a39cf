package dev.mlsdmock.llm;

import dev.mlsdmock.interview.Role;
import dev.mlsdmock.interview.StagePolicy.InterviewState;
import dev.mlsdmock.interview.TurnPlan;
import dev.mlsdmock.interview.TurnView;
import dev.mlsdmock.interviewer.OfflineInterviewer;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses who speaks for the interviewer, per interview and per turn. An interview created for the LLM gets the
 * model's words; when the model fails, or the interview's token budget is spent, that one turn comes from the
 * offline interviewer, labelled as such, with a notice the client shows as an {@code error} frame. The
 * candidate's answer is already stored by then, so nothing is lost and the interview goes on.
 */
@ApplicationScoped
public class Interviewers {

    public static final String LLM = "llm";
    public static final String OFFLINE = OfflineInterviewer.NAME;
    public static final String FALLBACK_SOURCE = "offline-fallback";
    public static final String BUDGET_SOURCE = "offline-budget";

    private static final Logger LOG = Logger.getLogger(Interviewers.class);

    private final LlmModels models;
    private final LlmInterviewer llm;
    private final OfflineInterviewer offline;
    private final LlmConfig config;

    public Interviewers(LlmModels models, LlmInterviewer llm, OfflineInterviewer offline, LlmConfig config) {
        this.models = models;
        this.llm = llm;
        this.offline = offline;
        this.config = config;
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
        String interviewer = requested == null || requested.isBlank() ? (models.configured() ? LLM : OFFLINE) : requested;
        if (OFFLINE.equals(interviewer)) {
            return new Choice(OFFLINE, null, null);
        }
        if (!LLM.equals(interviewer)) {
            throw ApiException.badRequest("unknown_interviewer", "Unknown interviewer '" + requested
                    + "'. Ask for \"llm\" or \"offline\", or leave it out for the server's default.");
        }
        if (!models.configured()) {
            throw ApiException.badRequest("llm_not_configured", "This server has no LLM interviewer configured "
                    + "(interviewer.llm=off). Ask for \"interviewer\":\"offline\", or configure a provider as "
                    + "docs/llm.md describes.");
        }
        Integer configured = config.tokenBudget().isPresent() ? config.tokenBudget().getAsInt() : null;
        Integer budget = tokenBudget;
        if (configured != null) {
            budget = tokenBudget == null ? configured : Integer.valueOf(Math.min(tokenBudget, configured));
        }
        return new Choice(LLM, models.label(), budget);
    }

    /** The words of the planned turn, from the interview's interviewer or, for this turn only, the offline one. */
    public Outcome speak(String interviewer, Integer tokenBudget, Rubric rubric, InterviewState state, TurnPlan plan,
                         Consumer<String> deltas) {
        if (!LLM.equals(interviewer)) {
            return new Outcome(offline.speak(rubric, state, plan, deltas), OFFLINE, null, null, null);
        }
        if (tokenBudget != null && tokensUsed(state.turns()) >= tokenBudget) {
            Notice notice = lastInterviewerSource(state.turns()).equals(BUDGET_SOURCE) ? null
                    : new Notice("token_budget_spent", "This interview has used its budget of " + tokenBudget
                    + " tokens, so the offline interviewer asks the remaining questions.");
            return new Outcome(offline.speak(rubric, state, plan, deltas), BUDGET_SOURCE, null, null, notice);
        }
        try {
            LlmInterviewer.Spoken spoken = llm.speak(rubric, state, plan, deltas);
            return new Outcome(spoken.text(), spoken.source(), spoken.inputTokens(), spoken.outputTokens(), null);
        } catch (LlmFailure e) {
            return fallback(rubric, state, plan, e.code().id(), e.getMessage(), e.deltasSent());
        } catch (CircuitBreakerOpenException e) {
            return fallback(rubric, state, plan, LlmFailure.Code.LLM_UNAVAILABLE.id(),
                    "The AI provider failed several times in a row, so it is paused for a moment.", false);
        } catch (RuntimeException e) {
            LOG.errorf("The LLM interviewer failed unexpectedly: %s", e.getClass().getName());
            return fallback(rubric, state, plan, LlmFailure.Code.LLM_UNAVAILABLE.id(),
                    "The AI interviewer failed unexpectedly.", false);
        }
    }

    private Outcome fallback(Rubric rubric, InterviewState state, TurnPlan plan, String code, String why, boolean partial) {
        String message = why + " The offline interviewer asked this question instead"
                + (partial ? " (the partly streamed text is discarded)" : "")
                + "; your answer is saved and the interview goes on.";
        return new Outcome(offline.speak(rubric, state, plan, piece -> { }), FALLBACK_SOURCE, null, null,
                new Notice(code, message));
    }

    static long tokensUsed(List<TurnView> turns) {
        return turns.stream().mapToLong(t -> (t.inputTokens() == null ? 0 : t.inputTokens())
                + (t.outputTokens() == null ? 0 : t.outputTokens())).sum();
    }

    private static String lastInterviewerSource(List<TurnView> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.INTERVIEWER) {
                return turns.get(i).source() == null ? "" : turns.get(i).source();
            }
        }
        return "";
    }

    /** The interviewer and model recorded on a new interview, and its token budget (null: unlimited). */
    public record Choice(String interviewer, String model, Integer tokenBudget) {
    }

    /** Something the client should be told about this turn, sent as an {@code error} frame before it. */
    public record Notice(String code, String message) {
    }

    /** A turn's words, who produced them and the tokens used. */
    public record Outcome(String text, String source, Integer inputTokens, Integer outputTokens, Notice notice) {
        public boolean fallback() {
            return source.startsWith("offline-");
        }
    }
}
