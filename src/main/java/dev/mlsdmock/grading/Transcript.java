package dev.mlsdmock.grading;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnView;

import java.util.List;
import java.util.Optional;

/** The turns a grader reads, copied out of the database so grading never holds a transaction open. */
public record Transcript(List<Line> lines) {

    /** The candidate's answers, and the latest version of their diagram (the earlier versions are drafts of it). */
    public List<Line> candidateLines() {
        Optional<Line> diagram = latestDiagram();
        return lines.stream().filter(l -> l.role() == Role.CANDIDATE && (!l.diagram() || diagram.get() == l)).toList();
    }

    public Optional<Line> latestDiagram() {
        return lines.stream().filter(Line::diagram).reduce((a, b) -> b);
    }

    public Optional<Line> line(int seq) {
        return lines.stream().filter(l -> l.seq() == seq).findFirst();
    }

    public static Transcript of(List<TurnView> turns) {
        return new Transcript(turns.stream().map(t -> new Line(t.seq(), t.role(), t.stage(), t.text(), t.diagram())).toList());
    }

    /** @param diagram whether the turn is a version of the candidate's diagram (Mermaid text) rather than words */
    public record Line(int seq, Role role, Stage stage, String text, boolean diagram) {
        public Line(int seq, Role role, Stage stage, String text) {
            this(seq, role, stage, text, false);
        }
    }
}
