package dev.mlsdmock.grading.offline;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Substance is what the offline grader rewards: reasons, numbers, trade-offs and problem specifics, not lists. */
class SubstanceTest {

    @Test
    void substanceRewardsReasonsNumbersAndTradeOffsButNotLists() {
        Set<String> terms = Set.of("advertisers", "auction", "clicks");
        Substance reasoned = Substance.of("I'd downsample negatives because clicks are rare, about 1%, but then I recalibrate.",
                "I'd downsample negatives because clicks are rare, about 1%, but then I recalibrate for the auction.", terms);
        assertThat(reasoned.points()).isEqualTo(4);
        Substance list = Substance.of("Class imbalance, negative downsampling, recalibration, calibration, auction.",
                "Class imbalance, negative downsampling, recalibration, calibration, auction. Because 100 advertisers.", terms);
        assertThat(list.bareList()).isTrue();
        assertThat(list.points()).isZero();
        assertThat(Substance.isBareList("Feature store streaming features real-time features embeddings hashing")).isTrue();
        assertThat(Substance.isBareList("How many ads are active?")).isFalse();
        assertThat(Substance.isBareList("We test it.")).isTrue();
    }
}
