package dev.mlsdmock.practice;

import dev.mlsdmock.flow.Stage;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One graded practice session, as the plan reads it: a full interview or a stage drill, with the stage scores of
 * its newest scorecard (every stage for an interview, the drilled one for a drill).
 *
 * @param drill    the stage drilled, or null for a full interview
 * @param at       when it ended
 * @param scores   0-100 per stage scored
 * @param drilledWell for a drill: whether the step met the level's bar (the scorecard's verdict {@code at-bar} or
 *                 {@code above-bar}); false for an interview
 */
public record Session(UUID interviewId, String problemId, String level, Stage drill, Instant at,
                      Map<Stage, Integer> scores, boolean drilledWell) {

    public Session {
        scores = Map.copyOf(scores);
    }
}
