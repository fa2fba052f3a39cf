package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.prompt.PromptLibrary;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/** Wires the plain-Java offline interviewer into CDI. */
public class InterviewerBeans {

    /** Typed to its class only: the {@link InterviewerSwitch} is the one {@link Interviewer} other features get. */
    @Produces
    @Singleton
    @Typed(OfflineInterviewer.class)
    OfflineInterviewer offlineInterviewer(PromptLibrary prompts, StageBudgets budgets) {
        return new OfflineInterviewer(prompts::offlinePhrases, prompts::drillPhrases, prompts::diagramComponents, budgets);
    }
}
