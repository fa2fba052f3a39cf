package dev.mlsdmock.browser;

import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.interviewer.OfflineInterviewer;
import dev.mlsdmock.interviewer.Words;
import dev.mlsdmock.prompt.PromptLibrary;
import dev.mlsdmock.rubric.Rubric;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.util.function.Consumer;

/** Enabled by {@link BrowserProfile} only: the offline interviewer, streaming each turn in two pieces. */
@Alternative
public class StreamingInterviewerProducer {

    @Produces
    @Singleton
    @Typed(OfflineInterviewer.class)
    OfflineInterviewer streaming(PromptLibrary prompts, StageBudgets budgets, StreamGate gate) {
        return new OfflineInterviewer(prompts::offlinePhrases, prompts::drillPhrases, prompts::diagramComponents, budgets) {
            @Override
            public Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas) {
                Words words = super.speak(rubric, state, plan, piece -> { });
                String text = words.text();
                int half = text.indexOf(' ', text.length() / 2);
                int cut = half < 0 ? text.length() : half;
                deltas.accept(text.substring(0, cut));
                gate.passThrough();
                if (cut < text.length()) {
                    deltas.accept(text.substring(cut));
                }
                return words;
            }
        };
    }
}
