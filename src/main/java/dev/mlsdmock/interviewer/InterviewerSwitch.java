package dev.mlsdmock.interviewer;

import dev.mlsdmock.budget.DailyTokenBudget;
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
 * token budget or the account's daily budget is spent, that one turn comes from the offline interviewer, labelled as
 * such, with a notice the client shows as an {@code error} frame. The candidate's answer is already stored by then,
 * so nothing is lost and the interview goes on.
 * <p>
 * Every model call is counted, failed and refused ones included: against the account's day as it happens, and
 * against the interview on the turn that made it (a fallback turn carries the tokens its failed calls used).
 */
@ApplicationScoped
@Typed({Interviewer.class, InterviewerSwitch.class})
public class InterviewerSwitch implements Interviewer {

    private static final Logger LOG = Logger.getLogger(InterviewerSwitch.class);

    private final ModelInterviewer model;
    private final OfflineInterviewer offline;
    private final DailyTokenBudget daily;
    private final MeterRegistry registry;

    public InterviewerSwitch(ModelInterviewer model, OfflineInterviewer offline, DailyTokenBudget daily,
                             MeterRegistry registry) {
        this.model = model;
        this.offline = offline;
        this.daily = daily;
        this.registry = registry;
    }

    /** The words of the planned turn, from the interview's interviewer or, for this turn only, the offline one. */
    @Override
    public Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas) {
        // A hint is rubric text the candidate asked for; it is said as written, also in an LLM interview.
        if (!InterviewState.LLM.equals(state.interviewer()) || plan.kind() == TurnPlan.Kind.HINT) {
            return offline.speak(rubric, state, plan, deltas);
        }
        boolean noticeGiven = state.lastInterviewerSource().equals(Words.BUDGET_SOURCE);
        Integer budget = state.tokenBudget();
        if (budget != null && state.tokensUsed() >= budget) {
            return budgetSpent(rubric, state, plan, "token_budget_spent", noticeGiven ? null : new Notice("token_budget_spent",
                    "This interview has used its budget of " + budget
                            + " tokens, so the offline interviewer asks the remaining questions."));
        }
        Long account = state.accountId();
        if (account != null && daily.spent(account)) {
            return budgetSpent(rubric, state, plan, "daily_token_budget_spent", noticeGiven ? null : new Notice("daily_token_budget_spent",
                    "You have used today's AI budget of " + daily.limit() + " tokens (it renews at 00:00 UTC), so the "
                            + "offline interviewer asks the remaining questions."));
        }
        Tally tally = new Tally(account);
        try {
            Words words = model.speak(rubric, state, plan, deltas, tally);
            return tally.calls == 0 ? words
                    : new Words(words.text(), words.source(), tally.input(), tally.output(), words.notice());
        } catch (SpeechCancelled e) {
            throw e; // the caller stopped the turn: nothing failed, nothing to fall back to
        } catch (InterviewerFailure e) {
            return fallback(rubric, state, plan, e.errorCode(), e.getMessage(), e.deltasSent(), tally);
        } catch (CircuitBreakerOpenException e) {
            return fallback(rubric, state, plan, "llm_unavailable",
                    "The AI provider failed several times in a row, so it is paused for a moment.", false, tally);
        } catch (RuntimeException e) {
            LOG.errorf("The LLM interviewer failed unexpectedly: %s", e.getClass().getName());
            return fallback(rubric, state, plan, "llm_unavailable", "The AI interviewer failed unexpectedly.", false, tally);
        }
    }

    private Words budgetSpent(Rubric rubric, InterviewState state, TurnPlan plan, String reason, Notice notice) {
        fellBack(reason);
        return new Words(offline.text(rubric, state, plan), Words.BUDGET_SOURCE, null, null, notice);
    }

    /** Counted per turn the offline interviewer spoke for a model interview (docs/operations.md). */
    private void fellBack(String reason) {
        registry.counter("mlsd.model.fallbacks", "reason", reason).increment();
    }

    private Words fallback(Rubric rubric, InterviewState state, TurnPlan plan, String code, String why, boolean partial, Tally tally) {
        fellBack(code);
        String message = why + " The offline interviewer asked this question instead"
                + (partial ? " (the partly streamed text is discarded)" : "")
                + "; your answer is saved and the interview goes on.";
        return new Words(offline.text(rubric, state, plan), Words.FALLBACK_SOURCE, tally.input(), tally.output(),
                new Notice(code, message));
    }

    /** The tokens of one turn's calls; each call is also added to the account's day as it happens. */
    private final class Tally implements TokenMeter {
        private final Long account;
        private long in;
        private long out;
        private int calls;

        Tally(Long account) {
            this.account = account;
        }

        @Override
        public synchronized void add(long inputTokens, long outputTokens) {
            in += inputTokens;
            out += outputTokens;
            calls++;
            if (account != null) {
                try {
                    daily.record(account, inputTokens + outputTokens);
                } catch (RuntimeException e) {
                    LOG.errorf("Could not record LLM usage of account %d: %s", account, e.getClass().getName());
                }
            }
        }

        synchronized Integer input() {
            return calls == 0 ? null : (int) Math.min(Integer.MAX_VALUE, in);
        }

        synchronized Integer output() {
            return calls == 0 ? null : (int) Math.min(Integer.MAX_VALUE, out);
        }
    }
}
