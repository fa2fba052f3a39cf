package dev.mlsdmock.browser;

import dev.mlsdmock.interview.InterviewConfig;
import dev.mlsdmock.interview.StagePolicy.InterviewState;
import dev.mlsdmock.interview.TurnPlan;
import dev.mlsdmock.interviewer.OfflineInterviewer;
import dev.mlsdmock.prompt.PromptLibrary;
import dev.mlsdmock.rubric.Rubric;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.function.Consumer;

/** Enabled by {@link BrowserProfile} only: the offline interviewer, streaming each turn in two pieces. */
@Alternative
public class StreamingInterviewerProducer {

    @Produces
    @Singleton
    OfflineInterviewer streaming(PromptLibrary prompts, InterviewConfig config, StreamGate gate) {
        return new OfflineInterviewer(prompts::offlinePhrases, config.stageBudgets()) {
            @Override
            public String speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas) {
                String text = super.speak(rubric, state, plan, piece -> { });
                int half = text.indexOf(' ', text.length() / 2);
                int cut = half < 0 ? text.length() : half;
                deltas.accept(text.substring(0, cut));
                gate.passThrough();
                if (cut < text.length()) {
                    deltas.accept(text.substring(cut));
                }
                return text;
            }
        };
    }
}
