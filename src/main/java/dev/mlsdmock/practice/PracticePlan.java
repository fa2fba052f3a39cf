package dev.mlsdmock.practice;

import java.time.Instant;
import java.util.List;

/**
 * The practice plan of one account, as {@code GET /api/practice-plan} returns it (docs/api.md).
 *
 * @param next     the drills to do now, weakest step first (at most {@value PracticePlanner#MAX_NEXT}); when nothing
 *                 is due, the one coming up first
 * @param schedule every stage, in interview order, with its average, spacing and due date
 * @param sessions how many graded sessions (interviews and drills) the averages cover
 */
public record PracticePlan(Instant now, List<Suggestion> next, List<Entry> schedule, int sessions) {

    /**
     * A drill to do.
     *
     * @param problemId the problem to drill it on
     * @param level     the target level (of the newest graded session, else senior)
     * @param due       when it is due; at or before {@code now} for a drill due now
     * @param reason    why this one, in plain words
     */
    public record Suggestion(String problemId, String stage, String level, Instant due, String reason) {
    }

    /**
     * Where one stage stands.
     *
     * @param average      its average score (0-100) over the newest graded sessions that scored it; null when none did
     * @param scored       how many of those sessions scored it
     * @param drills       how many drills of the stage were graded
     * @param lastDrilled  when the newest drill of it ended; null when never drilled
     * @param intervalDays the spacing its drills have earned (1, 3, 7 or 14); null when never drilled
     * @param due          when it is due for a drill: now for a stage never drilled, the last drill plus the interval
     * @param problemId    the problem to drill it on: where it scored lowest among those sessions
     */
    public record Entry(String stage, Integer average, int scored, int drills, Instant lastDrilled, Integer intervalDays,
                        Instant due, String problemId) {
    }
}
