package dev.mlsdmock.interviewer.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stream guard releases text as soon as it can no longer be part of a recitation, and not a word earlier. */
class StreamGuardEarlyReleaseTest {

    private static final String SIGNAL = "Clarifies what engagement means for the business and which guardrails matter.";
    private static final String FACT = "About 1.5 billion people use the feed daily.";
    private static final List<String> MARKERS = List.of("<candidate_answer", "</candidate_answer", "# your next turn");

    private final List<String> sent = new ArrayList<>();
    private final StreamGuard guard = new StreamGuard(List.of(SIGNAL, FACT), List.of(), MARKERS, sent::add);

    @Test
    void eachWordIsReleasedAsSoonAsTheNextOneStarts() {
        guard.accept("Okay");
        assertThat(sent).isEmpty(); // "Okay" may still be growing
        guard.accept(", how");
        assertThat(String.join("", sent)).isEqualTo("Okay, ");
        guard.accept(" would");
        assertThat(String.join("", sent)).isEqualTo("Okay, how ");
    }

    @Test
    void aWordThatBeginsAProtectedRunIsHeldOnlyWhileTheRunCanStillGrow() {
        guard.accept("We look at ");
        guard.accept("the ");
        assertThat(String.join("", sent)).isEqualTo("We look at "); // "the business and which ..." is protected
        guard.accept("business ");
        assertThat(String.join("", sent)).isEqualTo("We look at ");
        guard.accept("goal, ");
        assertThat(String.join("", sent)).isEqualTo("We look at the business goal, ");
    }

    @Test
    void aNearRecitationIsReleasedWholeWhenItDiverges() {
        guard.accept("So it clarifies what engagement ");
        assertThat(String.join("", sent)).isEqualTo("So it ");
        guard.accept("looks like here. ");
        assertThat(String.join("", sent)).isEqualTo("So it clarifies what engagement looks like here. ");
        guard.finish();
    }

    @Test
    void theBeginningOfAMarkerIsHeldUntilItCannotBeOne() {
        guard.accept("Compare a <cand");
        assertThat(String.join("", sent)).isEqualTo("Compare a ");
        guard.accept("y> tag ");
        assertThat(String.join("", sent)).isEqualTo("Compare a <candy> tag ");
        guard.accept("and # your");
        assertThat(String.join("", sent)).isEqualTo("Compare a <candy> tag and ");
        assertThatThrownBy(() -> guard.accept(" next turn")).isInstanceOf(LlmFailure.class);
        assertThat(String.join("", sent)).doesNotContain("#");
    }

    @Test
    void aRecitationSplitAnywhereNeverSendsAWordOfIt() {
        String reply = "Right, the rubric says a strong answer " + SIGNAL.toLowerCase() + " Next question.";
        Random random = new Random(11);
        for (int attempt = 0; attempt < 200; attempt++) {
            sent.clear();
            StreamGuard fresh = new StreamGuard(List.of(SIGNAL, FACT), List.of(), MARKERS, sent::add);
            assertThatThrownBy(() -> {
                int at = 0;
                while (at < reply.length()) {
                    int next = Math.min(reply.length(), at + 1 + random.nextInt(12));
                    fresh.accept(reply.substring(at, next));
                    at = next;
                }
                fresh.finish();
            }).isInstanceOf(LlmFailure.class);
            assertThat(String.join("", sent)).isEqualTo("Right, the rubric says a strong answer ".substring(0, String.join("", sent).length()))
                    .doesNotContainIgnoringCase("clarifies");
        }
    }

    @Test
    void aLeakLateInALongTurnIsStillCaught() {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            reply.append("Tell me how item ").append(i).append(" ranks. ");
        }
        reply.append("About 1.5 billion people use it.");
        assertThatThrownBy(() -> {
            for (String piece : reply.toString().split("(?<= )")) {
                guard.accept(piece);
            }
            guard.finish();
        }).isInstanceOf(LlmFailure.class);
        assertThat(String.join("", sent)).endsWith("ranks. ").doesNotContain("billion");
    }
}
