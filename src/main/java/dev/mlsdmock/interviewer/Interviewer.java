package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.rubric.Rubric;

import java.util.function.Consumer;

/**
 * Puts the interviewer's next turn into words. What the turn must do is already decided by the stage policy
 * ({@link TurnPlan}); an implementation only chooses the wording, and may stream it in pieces. Implemented by the
 * {@link OfflineInterviewer} (templates), the LLM interviewer ({@code interviewer.llm}) and the
 * {@link InterviewerSwitch}, which picks one of them per interview and per turn and is the one other features use.
 */
public interface Interviewer {

    /**
     * @param deltas receives pieces of the text as they are produced; an implementation that produces the whole
     *               text at once need not call it
     * @return the complete turn and who produced it
     */
    Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas);
}
