package dev.mlsdmock.practice;

import dev.mlsdmock.account.CurrentAccount;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The signed-in account's practice plan: which stage to drill next, on which problem, and when repeats are due. */
@Path("/api/practice-plan")
@Authenticated
public class PracticeResource {

    private final PracticeService plans;
    private final CurrentAccount account;

    public PracticeResource(PracticeService plans, CurrentAccount account) {
        this.plans = plans;
        this.account = account;
    }

    @GET
    public PracticePlan plan() {
        return plans.plan(account.id());
    }
}
