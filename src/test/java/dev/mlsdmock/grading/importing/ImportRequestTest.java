package dev.mlsdmock.grading.importing;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.importing.ImportRequest.Line;
import dev.mlsdmock.grading.importing.ImportRequest.Turn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checks of an imported transcript's turns, each error naming the field. */
class ImportRequestTest {

    private static final Turn CANDIDATE = new Turn("candidate", "I'd start with the objective.", null);

    @Test
    void validTurnsBecomeLines() {
        List<Line> lines = request(new Turn("interviewer", " Hello ", null),
                new Turn("candidate", "Hi\n", "2026-01-31T14:05:00Z")).lines(400, 16_000);
        assertThat(lines).containsExactly(new Line(Role.INTERVIEWER, "Hello", null),
                new Line(Role.CANDIDATE, "Hi", Instant.parse("2026-01-31T14:05:00Z")));
    }

    @Test
    void everyBadValueIsReportedWithItsField() {
        String shape = "\"turns\" must be a non-empty list of {\"role\", \"text\", \"at\"?}.";
        expect(new ImportRequest("p", null, null), "invalid_transcript", shape);
        expect(new ImportRequest("p", List.of(), null), "invalid_transcript", shape);
        expect(request(CANDIDATE, CANDIDATE, new Turn("robot", "hi", null)), "invalid_transcript",
                "turns[2].role is 'robot'; it must be \"candidate\" or \"interviewer\".");
        expect(request(new Turn("", "hi", null)), "invalid_transcript",
                "turns[0].role is ''; it must be \"candidate\" or \"interviewer\".");
        expect(request(new Turn("candidate", "  ", null)), "invalid_transcript", "turns[0].text must be non-empty text.");
        expect(request(CANDIDATE, new Turn("candidate", null, null)), "invalid_transcript", "turns[1].text must be non-empty text.");
        expect(request(new Turn("candidate", "x", "yesterday")), "invalid_transcript",
                "turns[0].at is 'yesterday'; use an ISO-8601 instant such as 2026-01-31T14:05:00Z.");
        expect(request(new Turn("interviewer", "Hello", null)), "no_candidate_turn",
                "The transcript has no candidate turn, so there is nothing to grade.");
    }

    @Test
    void aTurnMayNameItsStage() {
        List<Line> lines = request(new Turn("interviewer", "How would you evaluate it?", null, "evaluate"),
                new Turn("candidate", "Recall at 10 on a later week.", null, "evaluate"), CANDIDATE).lines(400, 16_000);
        assertThat(lines).extracting(Line::stage).containsExactly(Stage.EVALUATE, Stage.EVALUATE, null);
        expect(request(new Turn("candidate", "x", null, "metrics")), "invalid_transcript",
                "turns[0].stage is 'metrics'; it must be one of clarify, frame, data, model, evaluate, serve, monitor, or left out.");
    }

    @Test
    void limitsAreTheConfiguredOnes() {
        expect(request(CANDIDATE, CANDIDATE, CANDIDATE, CANDIDATE, CANDIDATE), 4, 100, "transcript_too_long",
                "The transcript has 5 turns; at most 4 can be imported.");
        expect(request(CANDIDATE, new Turn("candidate", "x".repeat(101), null)), 4, 100, "turn_too_long",
                "turns[1].text has 101 characters; at most 100 fit in one turn.");
        assertThat(request(Collections.nCopies(4, CANDIDATE).toArray(Turn[]::new)).lines(4, 100)).hasSize(4);
    }

    @Test
    void allTurnsTogetherHaveACharacterBudget() {
        ImportRequest fits = request(new Turn("interviewer", "x".repeat(40), null), new Turn("candidate", "y".repeat(60), null));
        assertThat(fits.lines(4, 100, 100)).hasSize(2);
        ApiException e = catchThrowableOfType(() -> request(new Turn("interviewer", "x".repeat(40), null),
                new Turn("candidate", "y".repeat(61), null)).lines(4, 100, 100), ApiException.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("transcript_too_long");
        assertThat(e.getMessage()).startsWith("turns: the transcript has 101 characters in all; at most 100 can be imported.");
    }

    @Test
    void turnsAreCheckedInOrder() {
        List<Turn> turns = new ArrayList<>(List.of(new Turn("robot", "hi", null), new Turn("candidate", " ", null)));
        expect(new ImportRequest("p", turns, null), "invalid_transcript",
                "turns[0].role is 'robot'; it must be \"candidate\" or \"interviewer\".");
        // too many turns is reported before any turn's own problem
        expect(new ImportRequest("p", turns, null), 1, 100, "transcript_too_long",
                "The transcript has 2 turns; at most 1 can be imported.");
    }

    private static ImportRequest request(Turn... turns) {
        return new ImportRequest("p", List.of(turns), null);
    }

    private static void expect(ImportRequest request, String code, String message) {
        expect(request, 400, 16_000, code, message);
    }

    private static void expect(ImportRequest request, int maxTurns, int maxChars, String code, String message) {
        ApiException e = catchThrowableOfType(() -> request.lines(maxTurns, maxChars), ApiException.class);
        assertThat(e).as("an ApiException").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
