package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.rubric.Rubric;

import java.util.function.Consumer;

/**
 * The interviewer that speaks through a language model ({@code interviewer.llm}). Its {@code speak} throws
 * {@link InterviewerFailure} when no usable turn came back; the {@link InterviewerSwitch} then lets the offline
 * interviewer speak that turn.
 */
public interface ModelInterviewer extends Interviewer {

    /** Words the turn like {@link #speak(Rubric, InterviewState, TurnPlan, Consumer)}, reporting every call's tokens. */
    Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas, TokenMeter meter);

    @Override
    default Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas) {
        return speak(rubric, state, plan, deltas, TokenMeter.NONE);
    }

    /** What is recorded on interviews and turns, e.g. {@code openai/gpt-4o-mini}; empty when no model is configured. */
    String label();

    /** Whether a turn this interviewer recorded came from its model (not from an offline stand-in). */
    static boolean isModelSource(String source) {
        return source != null && source.contains("/");
    }
}
