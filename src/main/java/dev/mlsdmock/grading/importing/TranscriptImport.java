package dev.mlsdmock.grading.importing;

import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.grading.importing.ImportRequest.Line;
import dev.mlsdmock.grading.queue.GradingQueue;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a transcript from outside (say, a human mock interview) as an ended interview of the account and queues
 * its grading in the same transaction. Everything is validated before anything is stored, with errors that name
 * the field ({@code turns[3].role}). A turn keeps the stage the import names; otherwise it is placed in the stage
 * whose rubric signals it shows most, in either direction ({@link StagePlacement}).
 */
@ApplicationScoped
public class TranscriptImport {

    private final InterviewService interviews;
    private final RubricRegistry rubrics;
    private final CoverageDetector coverage;
    private final GradingQueue queue;
    private final GradingConfig config;

    public TranscriptImport(InterviewService interviews, RubricRegistry rubrics, CoverageDetector coverage,
                            GradingQueue queue, GradingConfig config) {
        this.interviews = interviews;
        this.rubrics = rubrics;
        this.coverage = coverage;
        this.queue = queue;
        this.config = config;
    }

    /** The stored interview: its id, problem, status ({@code ended}), level and number of turns. */
    public record Imported(UUID id, String problemId, String status, String level, int turns) {
    }

    /**
     * @throws dev.mlsdmock.error.ApiException {@code unknown_problem}, {@code unknown_level}, or what
     *                                         {@link ImportRequest#lines} rejects
     */
    public Imported importTranscript(long accountId, ImportRequest request) {
        Rubric rubric = rubrics.require(request.problemId());
        Level level = Level.require(request.level());
        List<Line> lines = request.lines(config.importMaxTurns(), config.importMaxTurnChars());

        // Stage placement needs the embedding model: done before the transaction so no lock waits on it.
        List<Set<String>> detected = new ArrayList<>();
        List<Stage> asked = new ArrayList<>();
        for (Line line : lines) {
            detected.add(line.role() == Role.CANDIDATE ? coverage.detectSignals(rubric, line.text()) : Set.of());
            asked.add(line.role() != Role.CANDIDATE && line.stage() == null ? coverage.stageAsked(line.text()).orElse(null) : null);
        }
        List<Stage> stages = StagePlacement.stages(rubric, lines.stream().map(Line::role).toList(), detected,
                lines.stream().map(Line::stage).toList(), asked);
        List<InterviewService.ImportedTurn> turns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            turns.add(new InterviewService.ImportedTurn(line.role(), stages.get(i), line.text(), line.at(), detected.get(i)));
        }
        InterviewService.Record stored = interviews.importEnded(accountId, rubric.id(), level, turns,
                id -> queue.enqueue(id, Grader.defaultKind(config.llm()), level));
        return new Imported(stored.id(), stored.problemId(), stored.status(), stored.level(), lines.size());
    }
}
