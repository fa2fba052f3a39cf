package dev.mlsdmock.grading.offline;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The keyword-list flag is about turns that mostly list terms, not about note-style answers that reason. */
class KeywordListFlagTest {

    @Test
    void aTurnOfBareListsIsFlagged() {
        var flags = OfflineGrader.keywordListFlags(Map.of(4, Set.of(0, 1, 2)), Map.of(4, Set.of(3)));
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("keyword-list");
            assertThat(f.seq()).isEqualTo(4);
        });
    }

    @Test
    void aNoteStyleTurnThatMostlyReasonsIsNotFlagged() {
        assertThat(OfflineGrader.keywordListFlags(Map.of(6, Set.of(0, 4)), Map.of(6, Set.of(1, 2, 3)))).isEmpty();
        assertThat(OfflineGrader.keywordListFlags(Map.of(6, Set.of(0, 4)), Map.of(6, Set.of(1, 2)))).isEmpty();
    }

    @Test
    void oneBareLineIsNeverFlagged() {
        assertThat(OfflineGrader.keywordListFlags(Map.of(2, Set.of(0)), Map.of())).isEmpty();
    }
}
