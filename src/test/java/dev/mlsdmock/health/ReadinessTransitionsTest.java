package dev.mlsdmock.health;

import dev.mlsdmock.health.ReadinessTransitions.Level;
import dev.mlsdmock.health.ReadinessTransitions.Line;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTransitionsTest {

    private final ReadinessTransitions transitions = new ReadinessTransitions();

    @Test
    void probesThatChangeNothingSayNothing() {
        assertThat(transitions.report("rubrics", true)).isEmpty();
        assertThat(transitions.report("rubrics", true)).isEmpty();
        assertThat(transitions.report("embedding-model", true)).isEmpty();
    }

    @Test
    void aCheckDownFromTheStartIsExpectedAndItsRecoveryIsReadiness() {
        transitions.report("rubrics", true);
        assertThat(transitions.report("embedding-model", false))
                .contains(new Line(Level.INFO, "Not ready yet: check 'embedding-model' is DOWN"));
        assertThat(transitions.report("embedding-model", false)).isEmpty();
        assertThat(transitions.report("rubrics", true)).isEmpty();
        assertThat(transitions.report("embedding-model", true))
                .contains(new Line(Level.INFO, "Ready: check 'embedding-model' is UP again, no check is DOWN"));
        assertThat(transitions.report("embedding-model", true)).isEmpty();
    }

    @Test
    void aCheckGoingDownOnceReadyIsOneWarningNamingItThenOneLineWhenReadyAgain() {
        transitions.report("rubrics", true);
        transitions.report("instance-broadcast", true);
        Optional<Line> down = transitions.report("instance-broadcast", false);
        assertThat(down).contains(new Line(Level.WARN, "Not ready: check 'instance-broadcast' went DOWN"));
        for (int probe = 0; probe < 5; probe++) {
            assertThat(transitions.report("rubrics", true)).isEmpty();
            assertThat(transitions.report("instance-broadcast", false)).isEmpty();
        }
        assertThat(transitions.report("instance-broadcast", true)).map(Line::level).contains(Level.INFO);
    }

    @Test
    void readyOnlyOnceNoCheckIsDown() {
        transitions.report("rubrics", true);
        transitions.report("instance-broadcast", true);
        transitions.report("instance-broadcast", false);
        assertThat(transitions.report("rubrics", false)).contains(
                new Line(Level.WARN, "Not ready: check 'rubrics' went DOWN (also DOWN: instance-broadcast)"));
        assertThat(transitions.report("instance-broadcast", true)).isEmpty();
        assertThat(transitions.report("rubrics", true)).map(Line::message)
                .contains("Ready: check 'rubrics' is UP again, no check is DOWN");
    }
}
