package dev.mlsdmock.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** How long each stage may take. The defaults sum to a 45-minute interview. */
public record StageBudgets(Map<Stage, Duration> perStage) {

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

    public Duration total() {
        return perStage.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Seconds left in the stage; negative once it is over budget. */
    public long remainingSeconds(Stage stage, Instant stageStartedAt, Instant now) {
        return of(stage).minus(Duration.between(stageStartedAt, now)).toSeconds();
    }
}
