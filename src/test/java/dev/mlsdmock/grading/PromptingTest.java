package dev.mlsdmock.grading;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric.Criterion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptingTest {

    private final Criterion criterion = new Criterion("grade-model", Stage.MODEL, 2, "...", List.of("a", "b"),
            List.of("0", "1", "2", "3"));
    private final List<Flag> flags = new ArrayList<>();

    @Test
    void shownOnlyAfterAHintEarnsOnePointLessAndSaysSo() {
        assertThat(new Prompting(Map.of("a", "hint")).adjust(criterion, 2, Level.SENIOR, flags)).isEqualTo(1);
        assertThat(flags).extracting(Flag::type).containsExactly("shown-after-hint");
        assertThat(flags.get(0).detail()).contains("grade-model").contains("hint");
    }

    @Test
    void shownOnlyAfterAProbeIsMarkedAndIsNotStrongAtStaff() {
        Prompting probed = new Prompting(Map.of("a", "probe"));
        assertThat(probed.adjust(criterion, 3, Level.SENIOR, flags)).isEqualTo(3);
        assertThat(probed.adjust(criterion, 3, Level.STAFF, flags)).isEqualTo(2);
        assertThat(flags).extracting(Flag::type).containsExactly("shown-after-probe", "shown-after-probe");
        assertThat(flags.get(1).detail()).contains("staff");
    }

    @Test
    void anythingRaisedUnpromptedKeepsTheScoreWithoutAFlag() {
        assertThat(new Prompting(Map.of("a", "probe", "b", "unprompted")).adjust(criterion, 3, Level.STAFF, flags)).isEqualTo(3);
        assertThat(Prompting.none().adjust(criterion, 2, Level.STAFF, flags)).isEqualTo(2);
        assertThat(flags).isEmpty();
    }
}
