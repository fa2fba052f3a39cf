package dev.mlsdmock.budget;

import dev.mlsdmock.account.CurrentAccount;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.time.LocalDate;

/** {@code GET /api/usage}: the caller's LLM tokens today and the daily limit. */
@Path("/api/usage")
@Authenticated
public class UsageResource {

    private final DailyTokenBudget budget;
    private final CurrentAccount account;

    public UsageResource(DailyTokenBudget budget, CurrentAccount account) {
        this.budget = budget;
        this.account = account;
    }

    @GET
    public UsageView today() {
        DailyTokenBudget.Today today = budget.today(account.id());
        return new UsageView(today.day(), today.used(), today.calls(), today.limit() == 0 ? null : today.limit(),
                today.remaining());
    }

    /**
     * @param day        the UTC day counted
     * @param tokensUsed tokens of every LLM call made for the account today (reported by the provider, or estimated)
     * @param limit      {@code llm.daily-token-budget}, null when there is none
     */
    public record UsageView(LocalDate day, long tokensUsed, int calls, Long limit, Long remaining) {
    }
}
