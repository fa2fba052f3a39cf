package dev.mlsdmock.interviewer;

import dev.mlsdmock.interview.StagePolicy.InterviewState;
import dev.mlsdmock.interview.TurnPlan;
import dev.mlsdmock.rubric.Rubric;

import java.util.function.Consumer;

/**
 * Puts the interviewer's next turn into words. What the turn must do is already decided by the stage policy
 * ({@link TurnPlan}); an implementation only chooses the wording, and may stream it in pieces.
 */
public interface Interviewer {

    /** Recorded as the source of each turn it speaks, e.g. {@code offline}. */
    String name();

    /**
     * @param deltas receives pieces of the text as they are produced; an implementation that produces the whole
     *               text at once need not call it
     * @return the complete text of the turn
     */
    String speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas);
}
