package dev.mlsdmock.interview;

import dev.mlsdmock.interviewer.OfflineInterviewer;
import dev.mlsdmock.prompt.PromptLibrary;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain-Java interview logic into CDI. */
public class InterviewBeans {

    @Produces
    @Singleton
    StagePolicy stagePolicy(InterviewConfig config) {
        return new StagePolicy(config.stageBudgets());
    }

    @Produces
    @Singleton
    OfflineInterviewer offlineInterviewer(PromptLibrary prompts, InterviewConfig config) {
        return new OfflineInterviewer(prompts::offlinePhrases, config.stageBudgets());
    }
}
