package dev.mlsdmock.rubric;

import dev.mlsdmock.flow.Stage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One interview problem: what the interviewer says first, the facts it reveals only when asked,
 * and per stage the signals a strong candidate shows and the red flags. Loaded from {@code rubrics/<id>.yaml}.
 * {@code reference} is an outline for the LLM grader of what a strong answer covers beyond the signals; it is
 * empty when the signals say it all.
 */
public record Rubric(String id, String title, String summary, String opening, List<Fact> facts,
                     Map<Stage, StageRubric> stages, Optional<String> reference,
                     Map<Level, Expectation> expectations, String version) {

    public StageRubric stage(Stage stage) {
        return stages.get(stage);
    }

    public Stream<Signal> allSignals() {
        return stages.values().stream().flatMap(s -> s.signals().stream());
    }

    public Optional<Signal> signal(String signalId) {
        return allSignals().filter(s -> s.id().equals(signalId)).findFirst();
    }

    /** Every grading criterion, stage by stage in interview order. */
    public List<Criterion> allCriteria() {
        return java.util.Arrays.stream(Stage.values()).flatMap(s -> stages.get(s).criteria().stream()).toList();
    }

    /**
     * The rubric a stage drill is graded with: the same problem, but only {@code drilled} keeps its criteria (the
     * other stages keep their signals, so the interviewer and the graders still recognise what they mean).
     */
    public Rubric onlyStage(Stage drilled) {
        Map<Stage, StageRubric> only = new java.util.EnumMap<>(Stage.class);
        stages.forEach((stage, r) -> only.put(stage, stage == drilled ? r : new StageRubric(r.signals(), r.redFlags(), List.of())));
        return new Rubric(id, title, summary, opening, facts, only, reference, expectations, version);
    }

    public Optional<Fact> fact(String factId) {
        return facts.stream().filter(f -> f.id().equals(factId)).findFirst();
    }

    /** A fact the interviewer knows about the problem and reveals only when the candidate asks for it. */
    public record Fact(String id, FactTopic topic, List<String> questions, String answer) {
    }

    /** What the rubric expects of one stage, and how it is graded. */
    public record StageRubric(List<Signal> signals, List<RedFlag> redFlags, List<Criterion> criteria) {
    }

    /**
     * One graded aspect of a stage, scored 0 (absent), 1 (weak), 2 (solid) or 3 (strong); {@code levels} holds
     * the descriptor of each score, index = score. {@code signals} are the stage's signals that give evidence for it;
     * {@code looksFor} is their descriptions joined in that order (derived by the parser, never written twice).
     */
    public record Criterion(String id, Stage stage, int weight, String looksFor, List<String> signals,
                            List<String> levels) {
    }

    /**
     * The lowest overall score (0-100) for each recommendation at one target level; below {@code leanNoHire}
     * the recommendation is no-hire.
     */
    public record Expectation(int strongHire, int hire, int leanHire, int leanNoHire) {

        public Recommendation recommend(int overall) {
            if (overall >= strongHire) {
                return Recommendation.STRONG_HIRE;
            }
            if (overall >= hire) {
                return Recommendation.HIRE;
            }
            if (overall >= leanHire) {
                return Recommendation.LEAN_HIRE;
            }
            return overall >= leanNoHire ? Recommendation.LEAN_NO_HIRE : Recommendation.NO_HIRE;
        }
    }

    /**
     * Something a strong candidate shows in a stage. {@code examples} are things a candidate might say, used
     * for semantic matching; {@code keywords} are optional exact phrases; {@code probe} is the follow-up
     * question asked when the signal is missing. A {@code key} signal is probed before the others and before the
     * stage is left; {@code hints} are coach-mode hints, from a nudge to a more specific pointer (may be empty).
     */
    public record Signal(String id, String description, List<String> examples, List<String> keywords, String probe,
                         boolean key, List<String> hints) {

        public Signal {
            hints = hints == null ? List.of() : List.copyOf(hints);
        }

        public Signal(String id, String description, List<String> examples, List<String> keywords, String probe) {
            this(id, description, examples, keywords, probe, false, List.of());
        }
    }

    public record RedFlag(String id, String description) {
    }
}
