package dev.mlsdmock.grading.importing;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.grading.importing.ImportRequest.Line;
import dev.mlsdmock.grading.importing.ImportRequest.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An imported transcript may carry the candidate's diagram versions: {"role":"candidate","kind":"diagram"}. */
class DiagramImportTest {

    private static final String DIAGRAM = "flowchart LR\n  FS[(Feature store)] --> R[Ranker]";

    @Test
    void aCandidateTurnOfKindDiagramBecomesADiagramLine() {
        List<Line> lines = new ImportRequest("p", List.of(new Turn("candidate", "I'd log views.", null),
                new Turn("candidate", DIAGRAM, null, null, "diagram")), null).lines(400, 16_000);
        assertThat(lines).extracting(Line::diagram).containsExactly(false, true);
        assertThat(lines.get(1).role()).isEqualTo(Role.CANDIDATE);
        assertThat(lines.get(1).text()).isEqualTo(DIAGRAM);
    }

    @Test
    void anyOtherKindOrADiagramOfTheInterviewerIsRefusedNamingTheField() {
        for (Turn bad : List.of(new Turn("candidate", "x y", null, null, "sketch"),
                new Turn("interviewer", DIAGRAM, null, null, "diagram"))) {
            assertThatThrownBy(() -> new ImportRequest("p", List.of(new Turn("candidate", "Hi.", null), bad), null)
                    .lines(400, 16_000)).isInstanceOf(ApiException.class)
                    .hasMessage("turns[1].kind is '" + bad.kind() + "'; it may only be \"diagram\", on a candidate turn, "
                            + "or left out.");
        }
    }
}
