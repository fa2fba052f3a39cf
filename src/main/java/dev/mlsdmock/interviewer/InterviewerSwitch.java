package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.interviewer.Words.Notice;
import dev.mlsdmock.rubric.Rubric;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Chooses who speaks for the interviewer, per interview and per turn: the one {@link Interviewer} the interview
 * feature knows. An interview created for the LLM gets the model's words; when the model fails, or the interview's
 * token budget is spent, that one turn comes from the offline interviewer, labelled as such, with a notice the
 * client shows as an {@code error} frame. The candidate's answer is already stored by then, so nothing is lost
 * and the interview goes on.
 */
@ApplicationScoped
@Typed({Interviewer.class, InterviewerSwitch.class})
public class InterviewerSwitch implements Interviewer {

    private static final Logger LOG = Logger.getLogger(InterviewerSwitch.class);

    private final ModelInterviewer model;
    private final OfflineInterviewer offline;
    private final MeterRegistry registry;

    public InterviewerSwitch(ModelInterviewer model, OfflineInterviewer offline, MeterRegistry registry) {
        this.model = model;
        this.offline = offline;
        this.registry = registry;
    }

    /** The words of the planned turn, from the interview's interviewer or, for this turn only, the offline one. */
    @Override
    public Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas) {
        if (!InterviewState.LLM.equals(state.interviewer())) {
            return offline.speak(rubric, state, plan, deltas);
        }
        Integer budget = state.tokenBudget();
        if (budget != null && state.tokensUsed() >= budget) {
            Notice notice = state.lastInterviewerSource().equals(Words.BUDGET_SOURCE) ? null
                    : new Notice("token_budget_spent", "This interview has used its budget of " + budget
                    + " tokens, so the offline interviewer asks the remaining questions.");
            fellBack("token_budget_spent");
            return new Words(offline.text(rubric, plan), Words.BUDGET_SOURCE, null, null, notice);
        }
        try {
            return model.speak(rubric, state, plan, deltas);
        } catch (InterviewerFailure e) {
            return fallback(rubric, plan, e.errorCode(), e.getMessage(), e.deltasSent());
        } catch (CircuitBreakerOpenException e) {
            return fallback(rubric, plan, "llm_unavailable",
                    "The AI provider failed several times in a row, so it is paused for a moment.", false);
        } catch (RuntimeException e) {
            LOG.errorf("The LLM interviewer failed unexpectedly: %s", e.getClass().getName());
            return fallback(rubric, plan, "llm_unavailable", "The AI interviewer failed unexpectedly.", false);
        }
    }

    /** Counted per turn the offline interviewer spoke for a model interview (docs/operations.md). */
    private void fellBack(String reason) {
        registry.counter("mlsd.model.fallbacks", "reason", reason).increment();
    }

    private Words fallback(Rubric rubric, TurnPlan plan, String code, String why, boolean partial) {
        fellBack(code);
        String message = why + " The offline interviewer asked this question instead"
                + (partial ? " (the partly streamed text is discarded)" : "")
                + "; your answer is saved and the interview goes on.";
        return new Words(offline.text(rubric, plan), Words.FALLBACK_SOURCE, null, null, new Notice(code, message));
    }
}
