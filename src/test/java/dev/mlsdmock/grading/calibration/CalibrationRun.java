package dev.mlsdmock.grading.calibration;

import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.EvidenceVerifier;
import dev.mlsdmock.grading.Grade;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.ScorecardBuilder;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.grading.calibration.CalibrationReport.Graded;
import dev.mlsdmock.grading.calibration.CalibrationSet.Sample;
import dev.mlsdmock.grading.calibration.CalibrationSet.Turn;
import dev.mlsdmock.grading.importing.StagePlacement;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One pass of the calibration harness with one grader: every labelled transcript graded as an import would place it
 * (stages as labelled, otherwise inferred from the interviewer's questions and the signals of each answer), plus each
 * strong and mediocre transcript with its evaluation exchange told first. Shared by the offline and LLM harness tests.
 */
final class CalibrationRun {

    private final CoverageDetector coverage;
    private final RubricRegistry rubrics;

    CalibrationRun(CoverageDetector coverage, RubricRegistry rubrics) {
        this.coverage = coverage;
        this.rubrics = rubrics;
    }

    /**
     * Every grading that succeeded; one the LLM grader fails (a provider error after its retries, a malformed answer)
     * is printed and left out, so one bad answer of a paid model does not lose the whole run.
     */
    List<Graded> run(Grader grader, List<Sample> samples) {
        List<Graded> out = new ArrayList<>();
        for (Sample s : samples) {
            Rubric rubric = rubrics.require(s.problemId());
            tryGrade(grader, rubric, s, null, s.turns(), out);
            if (!s.adversarial() && s.expected() >= 2) {
                List<Turn> reordered = CalibrationSet.evaluationFirst(s.turns());
                if (!reordered.isEmpty()) {
                    tryGrade(grader, rubric, s, "evaluation-first", reordered, out);
                }
            }
        }
        return out;
    }

    private void tryGrade(Grader grader, Rubric rubric, Sample s, String derived, List<Turn> turns, List<Graded> out) {
        try {
            out.add(grade(grader, rubric, s, derived, turns));
        } catch (RuntimeException e) {
            if (grader.kind().equals(Grader.OFFLINE)) {
                throw e; // in-process and deterministic: a failure is a bug, not a flaky provider
            }
            System.out.println("  FAILED " + s.id() + (derived == null ? "" : " [" + derived + "]") + " with "
                    + grader.label() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Per problem, every id of its rubric (signals, criteria, red flags): none may reach a rationale. */
    Map<String, Set<String>> rubricIds(List<Sample> samples) {
        Map<String, Set<String>> ids = new java.util.HashMap<>();
        for (Sample s : samples) {
            ids.computeIfAbsent(s.problemId(), p -> {
                Set<String> all = new HashSet<>();
                rubrics.require(p).stages().values().forEach(st -> {
                    st.signals().forEach(x -> all.add(x.id()));
                    st.criteria().forEach(x -> all.add(x.id()));
                    st.redFlags().forEach(x -> all.add(x.id()));
                });
                return all;
            });
        }
        return ids;
    }

    /** How far two graders agree on the same gradings: Spearman between their scores, mean absolute difference. */
    static String agreement(List<Graded> offline, List<Graded> llm) {
        Map<String, Graded> byId = new java.util.HashMap<>();
        offline.forEach(g -> byId.put(g.id(), g));
        List<Graded> paired = llm.stream().filter(g -> byId.containsKey(g.id())).toList();
        double[] a = paired.stream().mapToDouble(g -> byId.get(g.id()).score()).toArray();
        double[] b = paired.stream().mapToDouble(Graded::score).toArray();
        double meanAbs = 0;
        for (int i = 0; i < a.length; i++) {
            meanAbs += Math.abs(a[i] - b[i]) / a.length;
        }
        return String.format(Locale.ROOT, "LLM vs offline on %d gradings: Spearman %.3f, mean |difference| %.1f points",
                a.length, Spearman.of(a, b), meanAbs);
    }

    private Graded grade(Grader grader, Rubric rubric, Sample s, String derived, List<Turn> turns) {
        List<Stage> stages = place(rubric, turns);
        List<Transcript.Line> lines = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            lines.add(new Transcript.Line(i + 1, turns.get(i).role(), stages.get(i), turns.get(i).text()));
        }
        Transcript transcript = new Transcript(lines);
        long start = System.nanoTime();
        Grade grade = grader.grade(rubric, transcript);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int dropped = EvidenceVerifier.verify(transcript, grade.criteria()).droppedQuotes();
        return new Graded(s, derived, ScorecardBuilder.build(UUID.randomUUID(), UUID.randomUUID(), rubric, Level.SENIOR,
                transcript, grade, null, Instant.EPOCH), millis, dropped);
    }

    /** Stages as an import places them (TranscriptImport): as labelled, otherwise inferred. */
    private List<Stage> place(Rubric rubric, List<Turn> turns) {
        List<Set<String>> detected = new ArrayList<>();
        List<Stage> asked = new ArrayList<>();
        for (Turn t : turns) {
            boolean unlabelled = t.stage() == null;
            detected.add(t.role() == Role.CANDIDATE && unlabelled ? coverage.detectSignals(rubric, t.text()) : Set.of());
            asked.add(t.role() != Role.CANDIDATE && unlabelled ? coverage.stageAsked(t.text()).orElse(null) : null);
        }
        return StagePlacement.stages(rubric, turns.stream().map(Turn::role).toList(), detected,
                turns.stream().map(Turn::stage).toList(), asked);
    }
}
