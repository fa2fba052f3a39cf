package dev.mlsdmock.grading;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored grade of one interview, exactly as {@code GET /api/interviews/{id}/scorecard} returns it (docs/grading.md).
 * Every criterion score above 0 is backed by evidence that was verified against the candidate's own turns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scorecard(UUID id, UUID interviewId, String rubricId, String rubricVersion, String grader,
                        Fallback fallback, String level, int overall, String recommendation, Drill drill,
                        List<StageScore> stages, List<CriterionScore> criteria, List<Flag> flags, Spread spread,
                        Instant createdAt) {

    /** The drill verdicts: the step's score against the level's bars (docs/grading.md, "Drills"). */
    public static final String ABOVE_BAR = "above-bar";
    public static final String AT_BAR = "at-bar";
    public static final String BELOW_BAR = "below-bar";

    /** Where the newest scorecard of an interview is read: {@code GET /api/interviews/{id}/scorecard}. */
    public static String url(UUID interviewId) {
        return "/api/interviews/" + interviewId + "/scorecard";
    }

    public record StageScore(String stage, int score) {
    }

    /**
     * The scorecard of a stage drill, which has no hire recommendation: one step says too little for that. Instead
     * the step's score ({@code overall}) is set against the target level's bars: {@value #ABOVE_BAR} at or above the
     * strong-hire bar, {@value #AT_BAR} at or above the hire bar ({@code bar}), {@value #BELOW_BAR} under it.
     *
     * @param summary the verdict in plain words, e.g. "Drill of one step: 58/100, below the senior bar of 66."
     */
    public record Drill(String stage, String verdict, int bar, String summary) {
    }

    /**
     * One criterion's grade. {@code rationale} is {@code shown} and {@code missing} together (kept for clients of
     * the first API); {@code shown} says what this candidate showed, in plain words, with the quotes in
     * {@code evidence} (all verified); {@code missing} what the next score needed (absent at 3); {@code target} is
     * the rubric's descriptor of a 3 ("what a 3 looks like"), the same for every candidate. Scorecards stored
     * before these fields existed have only {@code rationale}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionScore(String id, String stage, int weight, int score, String rationale,
                                 List<Evidence> evidence, String shown, String missing, String target) {
    }

    public record Evidence(int seq, String quote) {
    }

    /**
     * Something the grader noticed that a reader should know: {@code injection} (text addressed to the grader),
     * {@code keyword-list} (terms listed without reasoning), {@code llm-fallback} (the LLM failed; the offline
     * grader graded instead). A grader's own quote that does not verify is never a flag: it is the grader's
     * mistake, not the candidate's ({@link EvidenceVerifier}).
     * {@code seq} is null for a flag about the whole scorecard.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Flag(String type, Integer seq, String detail) {
    }

    /** Present when an LLM grader was asked for a scorecard but failed, and the offline grader made this one. */
    public record Fallback(String from, String reason) {
    }

    /**
     * How much the LLM's samples disagreed: the range (max - min) of the overall score and of each criterion's
     * 0-3 score over {@code samples} samples. The scorecard holds the per-criterion median.
     */
    public record Spread(int samples, int overall, Map<String, Integer> criteria) {
    }
}
