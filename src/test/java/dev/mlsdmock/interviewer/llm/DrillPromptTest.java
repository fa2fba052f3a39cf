package dev.mlsdmock.interviewer.llm;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interviewer.DrillBrief;
import dev.mlsdmock.prompt.PromptConfig;
import dev.mlsdmock.prompt.PromptLibrary;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the LLM interviewer is told in a stage drill: its own opening and closing, the usual turns in between. */
class DrillPromptTest {

    private static final PromptLibrary LIBRARY = new PromptLibrary(new PromptConfig() {
        @Override
        public Path dir() {
            return Path.of("prompts");
        }

        @Override
        public boolean reload() {
            return false;
        }
    });
    private static final Rubric NEWS_FEED = TestRubrics.load("news-feed");
    private static final LlmPrompts PROMPTS = new LlmPrompts(LIBRARY);
    private static final PromptAssembler ASSEMBLER = new PromptAssembler(PROMPTS.system(), PROMPTS.turns(),
            LIBRARY.offlinePhrases(), LIBRARY.drillPhrases(), StageBudgets.defaults());
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void theOpeningCarriesTheDrillContextAndTheDrillClock() {
        InterviewState state = drill(List.of());
        String system = ASSEMBLER.system(NEWS_FEED, state, new TurnPlan(Kind.OPEN, Stage.EVALUATE, Stage.EVALUATE,
                List.of(), 0, null, 0), START, null);
        assertThat(system).contains("About 10 minutes left in this step.")
                .contains("This is a drill of one step, evaluation, with about 10 minutes.")
                .contains(NEWS_FEED.fact("business-goal").orElseThrow().answer().strip())
                .contains("Take the earlier steps as settled: It predicts like, comment, share")
                .contains("How would you know the model is good, before and after launch?")
                .doesNotContain(NEWS_FEED.fact("latency").orElseThrow().answer().strip());
    }

    @Test
    void probesAreInstructedAsInAFullInterviewAndTheCloseEndsTheDrill() {
        List<TurnView> turns = new ArrayList<>();
        turns.add(new TurnView(1, Role.INTERVIEWER, Stage.EVALUATE, "Open", START, null, Kind.OPEN, null, Set.of(),
                "openai/x", 10, 10));
        turns.add(new TurnView(2, Role.CANDIDATE, Stage.EVALUATE, "AUC", START, "c", null, null, Set.of(), null, null, null));
        String probe = NEWS_FEED.stage(Stage.EVALUATE).signals().get(0).id();
        String probing = ASSEMBLER.system(NEWS_FEED, drill(turns), new TurnPlan(Kind.PROBE, Stage.EVALUATE,
                Stage.EVALUATE, List.of(), 0, probe, 1), START.plusSeconds(60), null);
        assertThat(probing).contains("Stay in evaluation. Ask this one follow-up question");
        String closing = ASSEMBLER.system(NEWS_FEED, drill(turns), new TurnPlan(Kind.CLOSE, Stage.EVALUATE,
                Stage.EVALUATE, List.of(), 0, null, 2, Kind.ADVANCE_COVERED, -1), START.plusSeconds(90), null);
        assertThat(closing).contains("The drill of evaluation is done.").doesNotContain("The last step is done");
    }

    @Test
    void theStreamGuardLetsTheOpeningStateTheContextItWasGiven() {
        String context = DrillBrief.context(NEWS_FEED, LIBRARY.drillPhrases(), Stage.EVALUATE);
        TurnPlan open = new TurnPlan(Kind.OPEN, Stage.EVALUATE, Stage.EVALUATE, List.of(), 0, null, 0);
        StringBuilder out = new StringBuilder();
        StreamGuard guard = LlmInterviewer.guard(NEWS_FEED, drill(List.of()), open, PROMPTS.system(), context, out::append);
        guard.accept(context);
        guard.finish();
        assertThat(out.toString()).isEqualTo(context);
    }

    private static InterviewState drill(List<TurnView> turns) {
        return new InterviewState("llm", null, Stage.EVALUATE, START, turns, null, Stage.EVALUATE);
    }
}
