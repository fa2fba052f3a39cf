package dev.mlsdmock.grading;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The injection detector against two corpora (src/test/resources/injection/): paraphrased attempts to steer a grader,
 * which must all be flagged, and ordinary answers that share their vocabulary, which must not be.
 */
class InjectionCorpusTest {

    @Test
    void everyAttemptInTheCorpusIsFlagged() throws IOException {
        List<String> attempts = corpus("attempts.txt");
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(30);
        assertThat(attempts).filteredOn(s -> InjectionDetector.detect(s).isEmpty()).as("attempts not flagged").isEmpty();
    }

    @Test
    void noLegitimateSentenceIsFlagged() throws IOException {
        List<String> legitimate = corpus("legitimate.txt");
        assertThat(legitimate).hasSizeGreaterThanOrEqualTo(30);
        assertThat(legitimate).filteredOn(s -> InjectionDetector.detect(s).isPresent()).as("ordinary sentences flagged").isEmpty();
    }

    private static List<String> corpus(String name) throws IOException {
        try (InputStream in = InjectionCorpusTest.class.getResourceAsStream("/injection/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
