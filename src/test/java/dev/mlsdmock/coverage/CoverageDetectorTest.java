package dev.mlsdmock.coverage;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestPrompts;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real in-process embedding model against the shipped ad click prediction rubric. */
class CoverageDetectorTest {

    private final CoverageDetector detector = TestPrompts.detector();
    private final Rubric rubric = TestRubrics.load("ad-click-prediction");

    @Test
    void aParaphraseWithoutTheObviousWordsCountsAsAScaleSignal() {
        Analysis a = detector.analyze(rubric, Stage.CLARIFY, "We expect a few hundred million daily users.");
        assertThat(a.signalIds()).contains("clarify-scale-qps");
    }

    @Test
    void smallTalkShowsNoSignalAndAsksNothing() {
        Analysis a = detector.analyze(rubric, Stage.CLARIFY, "I like pizza and the weather is nice today.");
        assertThat(a.signalIds()).isEmpty();
        assertThat(a.askedFacts()).isEmpty();
        assertThat(a.wantsToMoveOn()).isFalse();
    }

    @Test
    void aQuestionRevealsTheFactAskedAndNoOther() {
        Analysis a = detector.analyze(rubric, Stage.CLARIFY, "What is the latency budget?");
        assertThat(a.askedFacts()).extracting(f -> f.topic().id()).containsExactly("latency");
        Analysis users = detector.analyze(rubric, Stage.CLARIFY, "How many daily active users do we have?");
        assertThat(users.askedFacts()).extracting(f -> f.topic().id()).containsExactly("users");
    }

    @Test
    void askingForAFactInClarifyShowsTheMatchingClarifySignal() {
        Analysis a = detector.analyze(rubric, Stage.CLARIFY, "What is the latency budget?");
        assertThat(a.signalIds()).contains("clarify-latency");
    }

    @Test
    void anUnknownQuestionIsCountedAsUnanswered() {
        Analysis a = detector.analyze(rubric, Stage.CLARIFY, "Which programming language does the team prefer?");
        assertThat(a.askedFacts()).isEmpty();
        assertThat(a.unansweredQuestions()).isEqualTo(1);
        assertThat(detector.analyze(rubric, Stage.CLARIFY, "What does the team have for lunch?").askedFacts()).isEmpty();
    }

    @Test
    void aBaselineWithATradeOffIsAModelSignal() {
        Analysis a = detector.analyze(rubric, Stage.MODEL, "I would use logistic regression as a baseline.");
        assertThat(a.signalIds()).contains("model-baseline-tradeoffs");
    }

    @Test
    void keywordsMatchAcrossSpellingVariants() {
        Analysis a = detector.analyze(rubric, Stage.EVALUATE, "Offline I'd use normalised cross-entropy and AUC.");
        assertThat(a.signalIds()).contains("eval-offline-metrics");
    }

    @Test
    void askingToMoveOnIsRecognisedInOtherWords() {
        assertThat(detector.analyze(rubric, Stage.DATA, "I think I've covered this, can we go on to the next stage?")
                .wantsToMoveOn()).isTrue();
        assertThat(detector.analyze(rubric, Stage.DATA, "Labels come from clicks within a day.").wantsToMoveOn()).isFalse();
    }

    @Test
    void anEmptyMessageShowsNothing() {
        assertThat(detector.analyze(rubric, Stage.DATA, "  ")).isEqualTo(Analysis.empty());
    }
}
