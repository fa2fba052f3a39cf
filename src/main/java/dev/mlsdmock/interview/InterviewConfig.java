package dev.mlsdmock.interview;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

@ConfigMapping(prefix = "interview")
public interface InterviewConfig {

    /** Time budget per stage. The defaults sum to 45 minutes. */
    Budget budget();

    /** The longest answer accepted, in characters. */
    @WithDefault("8000")
    int maxAnswerChars();

    /** The largest diagram version accepted (Mermaid text), in characters; at most 16000 are ever stored. */
    @WithDefault("6000")
    int maxDiagramChars();

    interface Budget {
        @WithDefault("5m")
        Duration clarify();

        @WithDefault("4m")
        Duration frame();

        @WithDefault("8m")
        Duration data();

        @WithDefault("10m")
        Duration model();

        @WithDefault("7m")
        Duration evaluate();

        @WithDefault("6m")
        Duration serve();

        @WithDefault("5m")
        Duration monitor();
    }

    default StageBudgets stageBudgets() {
        Budget b = budget();
        Map<Stage, Duration> m = new EnumMap<>(Stage.class);
        m.put(Stage.CLARIFY, b.clarify());
        m.put(Stage.FRAME, b.frame());
        m.put(Stage.DATA, b.data());
        m.put(Stage.MODEL, b.model());
        m.put(Stage.EVALUATE, b.evaluate());
        m.put(Stage.SERVE, b.serve());
        m.put(Stage.MONITOR, b.monitor());
        return new StageBudgets(m);
    }
}
