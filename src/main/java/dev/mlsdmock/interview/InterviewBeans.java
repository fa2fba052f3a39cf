package dev.mlsdmock.interview;

import dev.mlsdmock.flow.StageBudgets;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain-Java interview logic into CDI. */
public class InterviewBeans {

    /** The stage budgets of {@code interview.budget.*}, for every feature that keeps time (the interviewers too). */
    @Produces
    @Singleton
    StageBudgets stageBudgets(InterviewConfig config) {
        return config.stageBudgets();
    }

    @Produces
    @Singleton
    StagePolicy stagePolicy(StageBudgets budgets) {
        return new StagePolicy(budgets);
    }
}
