package dev.mlsdmock.grading;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnView;

import java.util.List;
import java.util.Optional;

/** The turns a grader reads, copied out of the database so grading never holds a transaction open. */
public record Transcript(List<Line> lines) {

    public List<Line> candidateLines() {
        return lines.stream().filter(l -> l.role() == Role.CANDIDATE).toList();
    }

    public Optional<Line> line(int seq) {
        return lines.stream().filter(l -> l.seq() == seq).findFirst();
    }

    public static Transcript of(List<TurnView> turns) {
        return new Transcript(turns.stream().map(t -> new Line(t.seq(), t.role(), t.stage(), t.text())).toList());
    }

    public record Line(int seq, Role role, Stage stage, String text) {
    }
}
