package dev.mlsdmock.coverage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTest {

    @Test
    void matchesWholeWordsAcrossCaseHyphensAndSpelling() {
        String text = Keywords.normalise("We'd track ROC AUC and Normalised Cross-Entropy; QPS is high.");
        assertThat(Keywords.contains(text, "roc-auc")).isTrue();
        assertThat(Keywords.contains(text, "normalized cross entropy")).isTrue();
        assertThat(Keywords.contains(text, "qps")).isTrue();
        assertThat(Keywords.contains(text, "auc and")).isTrue();
        assertThat(Keywords.contains(text, "ps")).isFalse();
        assertThat(Keywords.contains(text, "")).isFalse();
    }
}
