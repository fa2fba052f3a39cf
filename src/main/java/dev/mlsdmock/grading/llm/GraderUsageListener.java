package dev.mlsdmock.grading.llm;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.mlsdmock.budget.DailyTokenBudget;
import dev.mlsdmock.budget.MeteredAccount;
import dev.mlsdmock.budget.TokenEstimate;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Charges each call of the LLM grader to the account whose interview is graded. quarkus-langchain4j calls every
 * {@link ChatModelListener} bean once per model call, each retry of the AI service included, on the grading thread;
 * the account comes from {@link MeteredAccount}, which only grading sets, so the interviewer's streamed calls (metered
 * in {@code interviewer.llm}) are not counted twice. A failed call is charged the estimate of its request.
 */
@ApplicationScoped
public class GraderUsageListener implements ChatModelListener {

    private static final Logger LOG = Logger.getLogger(GraderUsageListener.class);

    private final DailyTokenBudget budget;

    public GraderUsageListener(DailyTokenBudget budget) {
        this.budget = budget;
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        MeteredAccount.current().ifPresent(account -> {
            ChatResponse response = context.chatResponse();
            TokenUsage usage = response == null ? null : response.tokenUsage();
            long tokens = usage != null && usage.totalTokenCount() != null ? usage.totalTokenCount()
                    : TokenEstimate.ofRequest(context.chatRequest())
                    + TokenEstimate.of(response == null || response.aiMessage() == null ? "" : response.aiMessage().text());
            record(account, tokens);
        });
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        MeteredAccount.current().ifPresent(account -> record(account, TokenEstimate.ofRequest(context.chatRequest())));
    }

    private void record(long account, long tokens) {
        try {
            budget.record(account, tokens);
        } catch (RuntimeException e) {
            LOG.errorf("Could not record the grader's LLM usage of account %d: %s", account, e.getClass().getName());
        }
    }
}
