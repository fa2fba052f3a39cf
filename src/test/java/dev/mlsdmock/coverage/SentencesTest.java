package dev.mlsdmock.coverage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    @Test
    void splitsSentencesAndBulletLines() {
        assertThat(Sentences.split("First point. Second one? Third!\n- a bullet\n2) numbered item"))
                .containsExactly("First point.", "Second one?", "Third!", "a bullet", "numbered item");
    }

    @Test
    void splitsACompoundQuestionIntoItsQuestions() {
        assertThat(Sentences.split("How many posts are uploaded per day, and how fast do we need a decision?"))
                .containsExactly("How many posts are uploaded per day?", "how fast do we need a decision?");
        assertThat(Sentences.split("What kinds of harm are in scope and what's the business goal?"))
                .containsExactly("What kinds of harm are in scope?", "what's the business goal?");
        assertThat(Sentences.split("I'd use trees and boosting, and what matters is latency."))
                .containsExactly("I'd use trees and boosting, and what matters is latency.");
    }

    @Test
    void cutsRunOnSentences() {
        String runOn = "word ".repeat(300);
        assertThat(Sentences.split(runOn)).hasSizeGreaterThan(1).allMatch(s -> s.length() <= 500);
    }

    @Test
    void tellsQuestionsFromStatements() {
        assertThat(Sentences.isQuestion("What is the QPS?")).isTrue();
        assertThat(Sentences.isQuestion("how many users do we have")).isTrue();
        assertThat(Sentences.isQuestion("We have many users.")).isFalse();
        assertThat(Sentences.isQuestion("Is latency important.")).isFalse();
    }
}
