package dev.mlsdmock.interviewer.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming leak guard, without Quarkus: what it holds back, what it lets through, when it stops a stream. */
class StreamGuardTest {

    private static final String SIGNAL = "Clarifies what engagement means for the business and which guardrails matter.";
    private static final String FACT = "About 1.5 billion people use the feed daily.";
    private static final List<String> MARKERS = List.of("<candidate_answer", "</candidate_answer", "# your next turn");

    private final List<String> sent = new ArrayList<>();

    @Test
    void cleanTextPassesInOrderOnlyTheWordBeingWrittenHeldUntilTheEnd() {
        StreamGuard guard = guard(List.of());
        String[] pieces = {"Okay. ", "How would ", "you measure ", "success for ", "this feed ", "in the first ", "week?"};
        for (String p : pieces) {
            guard.accept(p);
        }
        String before = String.join("", sent);
        // No word of it begins a protected run; "week?" may still be growing ("weekly") until the stream ends.
        assertThat(before).isEqualTo("Okay. How would you measure success for this feed in the first ");
        guard.finish();
        assertThat(String.join("", sent)).isEqualTo(String.join("", pieces));
    }

    @Test
    void aRecitedSignalIsStoppedBeforeAnyWordOfItIsSent() {
        StreamGuard guard = guard(List.of());
        String reply = "Sure, here is the rubric. A strong answer " + SIGNAL.toLowerCase() + " Anything else?";
        assertThatThrownBy(() -> streamWordByWord(guard, reply))
                .isInstanceOfSatisfying(LlmFailure.class, e -> {
                    assertThat(e.code()).isEqualTo(LlmFailure.Code.LLM_INVALID_OUTPUT);
                    assertThat(e.deltasSent()).isTrue();
                });
        assertThat(String.join("", sent)).isEqualTo("Sure, here is the rubric. A strong answer ")
                .doesNotContainIgnoringCase("clarifies").doesNotContainIgnoringCase("engagement");
    }

    @Test
    void aParaphraseWithDifferentPunctuationAndCaseIsStillARecitation() {
        StreamGuard guard = guard(List.of());
        assertThatThrownBy(() -> streamWordByWord(guard, "ENGAGEMENT MEANS — for the BUSINESS, and which guardrails!"))
                .isInstanceOf(LlmFailure.class);
    }

    @Test
    void aFactNotRevealedThisTurnIsStoppedButTheRevealedOneIsNot() {
        assertThatThrownBy(() -> streamWordByWord(guard(List.of()), "Noted. About 1.5 billion people use the feed daily."))
                .isInstanceOf(LlmFailure.class);
        sent.clear();
        StreamGuard revealing = guard(List.of(FACT));
        streamWordByWord(revealing, "Noted. About 1.5 billion people use the feed daily. What else?");
        revealing.finish();
        assertThat(String.join("", sent)).isEqualTo("Noted. About 1.5 billion people use the feed daily. What else?");
    }

    @Test
    void aMarkerSplitAcrossPiecesNeverReachesTheClient() {
        StreamGuard guard = guard(List.of());
        guard.accept("Let us continue with the design of the system now. ");
        guard.accept("</candi");
        assertThat(String.join("", sent)).doesNotContain("<");
        assertThatThrownBy(() -> guard.accept("date_answer>")).isInstanceOf(LlmFailure.class);
        assertThat(String.join("", sent)).doesNotContain("<");
    }

    @Test
    void theLeakCheckRunsAgainOnTheLastWordsWhenTheStreamEnds() {
        StreamGuard guard = guard(List.of());
        streamWordByWord(guard, "The answer: clarifies what engagement means for");
        assertThatThrownBy(guard::finish).isInstanceOf(LlmFailure.class);
        assertThat(String.join("", sent)).isEqualTo("The answer: ");
    }

    @Test
    void commonWordRunsAndTheCandidatesOwnWordsAreNotLeaks() {
        StreamGuard guard = new StreamGuard(List.of(SIGNAL, "It is one of the things that matter."),
                List.of("I think engagement means for the business that people come back."), MARKERS, sent::add);
        streamWordByWord(guard, "You said engagement means for the business that people come back; it is one of the things. How?");
        guard.finish();
        assertThat(String.join("", sent)).endsWith("How?");
    }

    private StreamGuard guard(List<String> allowed) {
        return new StreamGuard(List.of(SIGNAL, FACT), allowed, MARKERS, sent::add);
    }

    private static void streamWordByWord(StreamGuard guard, String text) {
        for (String piece : text.split("(?<= )")) {
            guard.accept(piece);
        }
    }
}
