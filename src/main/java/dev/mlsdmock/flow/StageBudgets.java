package dev.mlsdmock.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each stage may take. The defaults sum to a 45-minute interview. A stage drill gets its stage's budget plus
 * {@link #DRILL_READING} for reading the framing it opens with (evaluation: 7 + 3 = 10 minutes by default).
 */
public record StageBudgets(Map<Stage, Duration> perStage) {

    /** Added to a stage's budget when it is drilled alone: the time to read the problem and the facts given. */
    public static final Duration DRILL_READING = Duration.ofMinutes(3);

    public static StageBudgets defaults() {
        Map<Stage, Duration> m = new EnumMap<>(Stage.class);
        m.put(Stage.CLARIFY, Duration.ofMinutes(5));
        m.put(Stage.FRAME, Duration.ofMinutes(4));
        m.put(Stage.DATA, Duration.ofMinutes(8));
        m.put(Stage.MODEL, Duration.ofMinutes(10));
        m.put(Stage.EVALUATE, Duration.ofMinutes(7));
        m.put(Stage.SERVE, Duration.ofMinutes(6));
        m.put(Stage.MONITOR, Duration.ofMinutes(5));
        return new StageBudgets(m);
    }

    public StageBudgets {
        for (Stage s : Stage.values()) {
            Duration d = perStage.get(s);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("interview.budget." + s.id() + " must be a positive duration, e.g. 5m");
            }
        }
        perStage = Map.copyOf(perStage);
    }

    public Duration of(Stage stage) {
        return perStage.get(stage);
    }

    /** The budget of a stage in a drill ({@code drill}) or in a full interview. */
    public Duration of(Stage stage, boolean drill) {
        return drill ? of(stage).plus(DRILL_READING) : of(stage);
    }

    /** The length of a whole session: a drill of {@code drill}, or the full interview when it is null. */
    public Duration session(Stage drill) {
        return drill == null ? total() : of(drill, true);
    }

    public Duration total() {
        return perStage.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Seconds left in the stage; negative once it is over budget. */
    public long remainingSeconds(Stage stage, Instant stageStartedAt, Instant now) {
        return remainingSeconds(stage, false, stageStartedAt, now);
    }

    /** Seconds left in the stage of a drill or of a full interview; negative once it is over budget. */
    public long remainingSeconds(Stage stage, boolean drill, Instant stageStartedAt, Instant now) {
        return of(stage, drill).minus(Duration.between(stageStartedAt, now)).toSeconds();
    }
}
