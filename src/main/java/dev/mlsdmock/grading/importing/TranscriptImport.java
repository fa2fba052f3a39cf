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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Stores a transcript from outside (say, a human mock interview) as an ended interview of the account and queues
 * its grading in the same transaction. Everything is validated before anything is stored, with errors that name
 * the field ({@code turns[3].role}). A turn keeps the stage the import names; otherwise it is placed in the stage
 * whose rubric signals it shows most, in either direction ({@link StagePlacement}). Placing costs embedding, so it
 * runs on a small shared pool within a time budget ({@link BudgetedDetection}): a turn not reached in time keeps
 * the stage before it and the answer says {@code "placement": "partial"}. The size is bounded first: all turns
 * together at most {@code grading.import-max-chars}.
 */
@ApplicationScoped
public class TranscriptImport {

    private final InterviewService interviews;
    private final RubricRegistry rubrics;
    private final CoverageDetector coverage;
    private final GradingQueue queue;
    private final GradingConfig config;
    private final ExecutorService placementPool;
    private final BudgetedDetection detection;

    public TranscriptImport(InterviewService interviews, RubricRegistry rubrics, CoverageDetector coverage,
                            GradingQueue queue, GradingConfig config) {
        this.interviews = interviews;
        this.rubrics = rubrics;
        this.coverage = coverage;
        this.queue = queue;
        this.config = config;
        int threads = Math.max(1, config.importPlacementThreads());
        this.placementPool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "import-placement");
            t.setDaemon(true);
            return t;
        });
        this.detection = new BudgetedDetection(placementPool);
    }

    @PreDestroy
    void stop() {
        placementPool.shutdownNow();
    }

    /**
     * The stored interview: its id, problem, status ({@code ended}), level, number of turns, and whether every
     * turn without a given stage was placed by what it says ({@code complete}) or the budget ran out ({@code partial}).
     */
    public record Imported(UUID id, String problemId, String status, String level, int turns, String placement) {
    }

    /**
     * @throws dev.mlsdmock.error.ApiException {@code unknown_problem}, {@code unknown_level}, or what
     *                                         {@link ImportRequest#lines} rejects
     */
    public Imported importTranscript(long accountId, ImportRequest request) {
        Rubric rubric = rubrics.require(request.problemId());
        Level level = Level.require(request.level());
        List<Line> lines = request.lines(config.importMaxTurns(), config.importMaxTurnChars(), config.importMaxChars());

        // Stage placement needs the embedding model: off the request thread, within the budget, before the
        // transaction so no lock waits on it. A candidate turn shows signals; an interviewer turn without a stage
        // tells the step its question opens (so an answer with no clear signal follows the question it answers).
        // A turn not reached in time shows nothing here (the grader reads every turn's text itself).
        List<Supplier<Set<String>>> work = lines.stream().map(l -> placementWork(rubric, l)).toList();
        BudgetedDetection.Result found = detection.run(work, config.importPlacementBudget());
        List<Set<String>> detected = new ArrayList<>();
        List<Stage> asked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Set<String> seen = found.signals().get(i) == null ? Set.of() : found.signals().get(i);
            boolean candidate = lines.get(i).role() == Role.CANDIDATE;
            detected.add(candidate ? seen : Set.of());
            asked.add(candidate ? null : seen.stream().findFirst().flatMap(Stage::fromId).orElse(null));
        }
        List<Stage> stages = StagePlacement.stages(rubric, lines.stream().map(Line::role).toList(), detected,
                lines.stream().map(Line::stage).toList(), asked);
        List<InterviewService.ImportedTurn> turns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            turns.add(new InterviewService.ImportedTurn(line.role(), stages.get(i), line.text(), line.at(), detected.get(i),
                    line.diagram()));
        }
        InterviewService.Record stored = interviews.importEnded(accountId, rubric.id(), level, turns,
                id -> queue.enqueue(id, Grader.defaultKind(config.llm()), level));
        return new Imported(stored.id(), stored.problemId(), stored.status(), stored.level(), lines.size(),
                found.complete() ? "complete" : "partial");
    }

    /** What placing one line needs: null when nothing (a diagram, or an interviewer turn that names its stage). */
    private Supplier<Set<String>> placementWork(Rubric rubric, Line line) {
        if (line.role() == Role.CANDIDATE) {
            return line.diagram() ? null : () -> coverage.detectSignals(rubric, line.text());
        }
        return line.stage() != null ? null
                : () -> coverage.stageAsked(line.text()).map(stage -> Set.of(stage.id())).orElse(Set.of());
    }
}
