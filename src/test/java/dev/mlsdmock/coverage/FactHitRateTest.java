package dev.mlsdmock.coverage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Fact;
import dev.mlsdmock.support.TestPrompts;
import dev.mlsdmock.support.TestRubrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fact-answering measure of docs/interviewer.md: for every problem, ten questions in words the rubric does
 * not list, each answered by exactly one fact (a hit is that fact and no other); the same on a held-out set the
 * matcher was never tuned on; and questions no rubric answers, which should get no fact. Prints the figures.
 */
class FactHitRateTest {

    /** The target of issue 9, met by every problem on the tuning set. */
    private static final int MIN_HITS = 9;
    /** The floor on the held-out sets, at their measured worst (docs/interviewer.md). */
    private static final int MIN_HELD_OUT_HITS = 7;
    /** Unanswerable questions (of 60) that find a fact anyway, at the measured figure: more is a regression. */
    private static final int MAX_FALSE_FACTS = 4;

    private final CoverageDetector detector = TestPrompts.detector();

    @Test
    void factsAskedInNewWordsAreAnsweredWithThatFactAndNoOther() throws IOException {
        Map<String, Integer> hits = measure("/interviewer/fact-questions.yaml", "tuning set");
        assertThat(hits).hasSize(10);
        hits.forEach((problem, hit) -> assertThat(hit).as(problem + " hits").isGreaterThanOrEqualTo(MIN_HITS));
    }

    @Test
    void aHeldOutSetWrittenBeforeTuningIsMeasuredToo() throws IOException {
        Map<String, Integer> hits = measure("/interviewer/fact-questions-held-out.yaml", "held-out set");
        assertThat(hits).hasSizeGreaterThanOrEqualTo(3);
        hits.forEach((problem, hit) -> assertThat(hit).as(problem + " held-out hits").isGreaterThanOrEqualTo(MIN_HELD_OUT_HITS));
    }

    @Test
    void aSecondHeldOutSetOnOtherProblemsIsMeasuredToo() throws IOException {
        Map<String, Integer> hits = measure("/interviewer/fact-questions-held-out-2.yaml", "second held-out set");
        assertThat(hits).hasSizeGreaterThanOrEqualTo(3);
        hits.forEach((problem, hit) -> assertThat(hit).as(problem + " second held-out hits").isGreaterThanOrEqualTo(MIN_HELD_OUT_HITS));
    }

    @Test
    void questionsNoRubricAnswersRarelyFindAFact() throws IOException {
        List<String> questions;
        try (InputStream in = FactHitRateTest.class.getResourceAsStream("/interviewer/unanswerable-questions.yaml")) {
            questions = new YAMLMapper().readValue(in, new TypeReference<List<String>>() { });
        }
        List<String> falseFacts = new ArrayList<>();
        for (String problem : script("/interviewer/fact-questions.yaml").keySet()) {
            Rubric rubric = TestRubrics.load(problem);
            for (String q : questions) {
                Analysis a = detector.analyze(rubric, Stage.CLARIFY, q);
                if (!a.askedFacts().isEmpty()) {
                    falseFacts.add(problem + ": '" + q + "' -> " + a.askedFacts().stream().map(Fact::id).toList());
                } else {
                    assertThat(a.unansweredQuestions()).as(q).isEqualTo(1);
                }
            }
        }
        System.out.println("Unanswerable questions given a fact: " + falseFacts.size() + " of "
                + questions.size() * 10 + "\n" + String.join("\n", falseFacts));
        assertThat(falseFacts).hasSizeLessThanOrEqualTo(MAX_FALSE_FACTS);
    }

    private Map<String, Integer> measure(String file, String name) throws IOException {
        Map<String, Integer> hits = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        for (Map.Entry<String, List<Question>> problem : script(file).entrySet()) {
            Rubric rubric = TestRubrics.load(problem.getKey());
            int hit = 0;
            for (Question q : problem.getValue()) {
                assertThat(rubric.facts().stream().flatMap(f -> f.questions().stream()).map(s -> s.toLowerCase(Locale.ROOT)))
                        .as("scripted in new words").doesNotContain(q.ask().toLowerCase(Locale.ROOT));
                List<String> asked = detector.analyze(rubric, Stage.CLARIFY, q.ask()).askedFacts().stream().map(Fact::id).toList();
                if (asked.equals(List.of(q.fact()))) {
                    hit++;
                } else {
                    misses.append(problem.getKey()).append(": '").append(q.ask()).append("' -> ").append(asked)
                            .append(" (expected ").append(q.fact()).append(")\n");
                }
            }
            hits.put(problem.getKey(), hit);
        }
        System.out.println("Fact hit rate per problem, " + name + " (of 10): " + hits + ", all "
                + hits.values().stream().mapToInt(Integer::intValue).sum() + " of " + hits.size() * 10
                + "\nMisses:\n" + misses);
        return hits;
    }

    private static Map<String, List<Question>> script(String file) throws IOException {
        try (InputStream in = FactHitRateTest.class.getResourceAsStream(file)) {
            return new YAMLMapper().readValue(in, new TypeReference<TreeMap<String, List<Question>>>() { });
        }
    }

    record Question(String ask, String fact) {
    }
}
