package dev.mlsdmock.grading.llm;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.CriterionGrade;
import dev.mlsdmock.grading.EvidenceVerifier;
import dev.mlsdmock.grading.Grade;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.Scorecard.Evidence;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.grading.Scorecard.Spread;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.grading.llm.LlmGraderAi.CriterionVerdict;
import dev.mlsdmock.grading.llm.LlmGraderAi.Quote;
import dev.mlsdmock.grading.llm.LlmGraderAi.StageVerdict;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Criterion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grades with an LLM: each stage separately, {@code samples} times, taking the median score per criterion and
 * recording the spread. The transcript is fenced as data, with sentences addressed to the grader removed and
 * flagged first, so an injection can neither steer the model nor be quoted as evidence. Evidence is verified
 * afterwards in code like every grader's ({@link EvidenceVerifier}). Plain class: the AI call is a function.
 */
public class LlmGrader implements Grader {

    static final String REMOVED = TranscriptFence.REMOVED;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|opening|reference|stage|criteria|transcript)}");

    /** Sends (system prompt, user message) to the model and returns its typed verdict. */
    public interface Model {
        StageVerdict grade(String system, String request);
    }

    private final Model model;
    private final String label;
    private final int samples;
    private final Function<String, String> prompts;

    /**
     * @param modelName the model's name, shown as {@code llm:<model>}
     * @param prompts   prompt file name to text ({@code grader-system.md}, {@code grader-stage.md})
     */
    public LlmGrader(Model model, String modelName, int samples, Function<String, String> prompts) {
        if (samples < 1) {
            throw new IllegalArgumentException("grading.samples must be at least 1, not " + samples);
        }
        this.model = model;
        this.label = "llm:" + modelName;
        this.samples = samples;
        this.prompts = prompts;
    }

    @Override
    public String kind() {
        return LLM;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Grade grade(Rubric rubric, Transcript transcript) {
        List<Flag> flags = new ArrayList<>();
        String fenced = fence(transcript, flags);
        String system = prompts.apply("grader-system.md");
        String template = prompts.apply("grader-stage.md");

        // samples x criteria: one verdict per sample per criterion
        Map<String, List<CriterionGrade>> byCriterion = new LinkedHashMap<>();
        rubric.allCriteria().forEach(c -> byCriterion.put(c.id(), new ArrayList<>()));
        for (int sample = 0; sample < samples; sample++) {
            for (Stage stage : Stage.values()) {
                List<Criterion> criteria = rubric.stage(stage).criteria();
                if (criteria.isEmpty()) {
                    continue; // a drill's rubric grades its one stage (Rubric#onlyStage)
                }
                StageVerdict verdict = model.grade(system, request(template, rubric, stage, criteria, fenced));
                Map<String, CriterionVerdict> answered = new HashMap<>();
                if (verdict != null && verdict.criteria() != null) {
                    verdict.criteria().stream().filter(v -> v != null && v.id() != null).forEach(v -> answered.putIfAbsent(v.id(), v));
                }
                for (Criterion c : criteria) {
                    byCriterion.get(c.id()).add(toGrade(c, answered.get(c.id())));
                }
            }
        }

        List<CriterionGrade> medians = new ArrayList<>();
        Map<String, Integer> spread = new LinkedHashMap<>();
        for (Criterion c : rubric.allCriteria()) {
            List<CriterionGrade> all = byCriterion.get(c.id());
            List<Integer> scores = all.stream().map(CriterionGrade::score).sorted().toList();
            int median = scores.get((scores.size() - 1) / 2); // the lower median: ties go to the stricter grade
            CriterionGrade chosen = all.stream().filter(g -> g.score() == median).findFirst().orElseThrow();
            medians.add(chosen);
            spread.put(c.id(), scores.get(scores.size() - 1) - scores.get(0));
        }
        int overallRange = overallRange(rubric, byCriterion);
        return new Grade(label, medians, flags, new Spread(samples, overallRange, spread));
    }

    private static CriterionGrade toGrade(Criterion c, CriterionVerdict v) {
        if (v == null) {
            return new CriterionGrade(c.id(), 0, "The LLM gave no verdict on this criterion.", List.of());
        }
        if (v.score() < 0 || v.score() > 3) {
            return new CriterionGrade(c.id(), 0, "The LLM gave an invalid score (" + v.score() + "); it was discarded.", List.of());
        }
        List<Evidence> evidence = new ArrayList<>();
        if (v.evidence() != null) {
            for (Quote q : v.evidence()) {
                if (q != null && q.quote() != null && !q.quote().contains(REMOVED)) {
                    evidence.add(new Evidence(q.seq(), q.quote()));
                }
            }
        }
        String rationale = v.rationale() == null || v.rationale().isBlank() ? "(no rationale given)" : v.rationale().strip();
        String missing = v.missing() == null || v.missing().isBlank() ? null : v.missing().strip();
        return new CriterionGrade(c.id(), v.score(), rationale, missing, evidence);
    }

    /** The range of the overall score across samples, each sample scored with the criterion weights. */
    private int overallRange(Rubric rubric, Map<String, List<CriterionGrade>> byCriterion) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int maxPoints = rubric.allCriteria().stream().mapToInt(c -> 3 * c.weight()).sum();
        for (int s = 0; s < samples; s++) {
            int points = 0;
            for (Criterion c : rubric.allCriteria()) {
                points += c.weight() * byCriterion.get(c.id()).get(s).score();
            }
            int overall = (int) Math.round(100.0 * points / maxPoints);
            min = Math.min(min, overall);
            max = Math.max(max, overall);
        }
        return max - min;
    }

    private String request(String template, Rubric rubric, Stage stage, List<Criterion> criteria, String transcript) {
        StringBuilder c = new StringBuilder();
        for (Criterion criterion : criteria) {
            c.append("- id: ").append(criterion.id()).append(" (weight ").append(criterion.weight()).append(")\n")
                    .append("  looks for: ").append(criterion.looksFor()).append('\n');
            for (int score = 0; score <= 3; score++) {
                c.append("  ").append(score).append(": ").append(criterion.levels().get(score)).append('\n');
            }
        }
        Map<String, String> values = Map.of("title", rubric.title(), "opening", rubric.opening(),
                "reference", rubric.reference().orElse(""), "stage", stage.id(), "criteria", c.toString().stripTrailing(),
                "transcript", transcript);
        String text = rubric.reference().isPresent() ? template : withoutParagraphOf(template, "{reference}");
        // One pass, so braces inside the transcript are never expanded.
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The template without the paragraphs (blocks between blank lines) that hold {@code placeholder}: a rubric
     * without a reference outline leaves out the outline's heading too, rather than a heading over nothing.
     */
    static String withoutParagraphOf(String template, String placeholder) {
        return Arrays.stream(template.replace("\r\n", "\n").split("\n\n", -1)).filter(p -> !p.contains(placeholder))
                .collect(Collectors.joining("\n\n"));
    }

    /** The transcript as the grader reads it: every turn fenced and filtered ({@link TranscriptFence}). */
    static String fence(Transcript transcript, List<Flag> flags) {
        return TranscriptFence.fence(transcript, flags);
    }
}
