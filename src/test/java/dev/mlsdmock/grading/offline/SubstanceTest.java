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

    private static final Set<String> EVENTS = Set.of("events", "organisers", "registrations", "concerts", "venue",
            "classes", "meetups", "friends");

    @Test
    void aSpecificNoteInAFocusedTurnIsWeighedLikeASentence() {
        String note = "Social: number of friends registered, user follows the organisers (people go where friends go).";
        Substance focused = Substance.of(note, note, EVENTS, true);
        assertThat(focused.bareList()).isFalse();
        assertThat(focused.reason()).as("a few words in parentheses say why").isTrue();
        assertThat(focused.points()).isGreaterThanOrEqualTo(2);
        String metric = "Offline: mAP or recall at 10 on a later week, binary registration labels, only the top seen.";
        assertThat(Substance.of(metric, metric, EVENTS, true).bareList()).isFalse();
    }

    @Test
    void saladStaysABareListEvenWhenItAnswersTheQuestion() {
        String salad = "Distance, travel time, day of week, friends attending, price sensitivity, imbalance, time split, "
                + "streaming, feature store.";
        assertThat(Substance.of(salad, salad, EVENTS, true).bareList()).as("one- and two-word terms").isTrue();
        String note = "Social: number of friends registered, user follows the organisers (people go where friends go).";
        assertThat(Substance.of(note, note, EVENTS, false).bareList()).as("the same note in a turn strewn over stages").isTrue();
        assertThat(Substance.isSpecificNote("Ranking model with several good features for users and items.", EVENTS))
                .as("qualified but about no problem in particular").isFalse();
    }
}
