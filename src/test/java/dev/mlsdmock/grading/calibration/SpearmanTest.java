package dev.mlsdmock.grading.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpearmanTest {

    @Test
    void perfectOrderIsOneAndReversedIsMinusOne() {
        assertThat(Spearman.of(new double[] {1, 2, 3, 4}, new double[] {10, 20, 35, 90})).isCloseTo(1.0, within(1e-9));
        assertThat(Spearman.of(new double[] {1, 2, 3, 4}, new double[] {9, 7, 5, 1})).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void tiesTakeTheirAverageRank() {
        assertThat(Spearman.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
        // x ranks 1, 2, 3.5, 3.5; y ranks 1, 2, 3, 4: Pearson of those ranks
        assertThat(Spearman.of(new double[] {1, 2, 3, 3}, new double[] {1, 2, 3, 4})).isCloseTo(0.9486833, within(1e-6));
    }
}
