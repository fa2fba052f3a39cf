package dev.mlsdmock.practice;

import dev.mlsdmock.prompt.PromptLibrary;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Makes an account's practice plan from its graded sessions and the clock (a test moves time with its own Clock). */
@ApplicationScoped
public class PracticeService {

    private final PracticeHistory history;
    private final RubricRegistry rubrics;
    private final PromptLibrary prompts;
    private final Clock clock;

    public PracticeService(PracticeHistory history, RubricRegistry rubrics, PromptLibrary prompts, Clock clock) {
        this.history = history;
        this.rubrics = rubrics;
        this.prompts = prompts;
        this.clock = clock;
    }

    public PracticePlan plan(long accountId) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Rubric r : rubrics.all()) {
            titles.put(r.id(), r.title());
        }
        PracticePlanner planner = new PracticePlanner(prompts.offlinePhrases()::stageName, titles);
        return planner.plan(history.graded(accountId), Instant.now(clock));
    }
}
