package dev.mlsdmock.grading.llm;

import dev.mlsdmock.grading.Transcript;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the LLM grader is asked, with and without a rubric reference outline (plain unit test, fake model). */
class LlmGradingPromptTest {

    private static final Transcript TRANSCRIPT = new Transcript(List.of(
            new Transcript.Line(1, Role.CANDIDATE, Stage.CLARIFY, "What does meaningful engagement mean here?")));

    @Test
    void withoutAReferenceTheOutlineSectionIsLeftOut() {
        Rubric rubric = TestRubrics.load("news-feed");
        assertThat(rubric.reference()).isEmpty();
        String request = firstRequest(rubric);
        assertThat(request).doesNotContain("Reference outline").doesNotContain("{reference}")
                .contains(rubric.opening() + "\n\nStage to grade: clarify\n")
                .contains("looks for: " + rubric.stage(Stage.CLARIFY).criteria().get(0).looksFor() + "\n");
    }

    @Test
    void aReferenceIsSentUnderItsHeading() {
        Rubric r = TestRubrics.load("news-feed");
        Rubric rubric = new Rubric(r.id(), r.title(), r.summary(), r.opening(), r.facts(), r.stages(),
                Optional.of("Mentions that ranking shapes what users post next."), r.expectations(), r.version());
        assertThat(firstRequest(rubric)).contains("Reference outline of a strong answer (for your judgement, not to be "
                + "quoted):\nMentions that ranking shapes what users post next.\n\nStage to grade: clarify");
    }

    @Test
    void onlyTheParagraphWithThePlaceholderGoes() {
        assertThat(LlmGrader.withoutParagraphOf("A\n\nHeading:\n{reference}\n\nB {stage}\r\n\r\nC", "{reference}"))
                .isEqualTo("A\n\nB {stage}\n\nC");
    }

    private static String firstRequest(Rubric rubric) {
        List<String> requests = new ArrayList<>();
        LlmGrader grader = new LlmGrader((system, request) -> {
            requests.add(request);
            return null;
        }, "fake", 1, LlmGradingPromptTest::prompt);
        grader.grade(rubric, TRANSCRIPT);
        assertThat(requests).hasSize(Stage.values().length);
        return requests.get(0);
    }

    private static String prompt(String name) {
        try {
            return Files.readString(Path.of("prompts", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
