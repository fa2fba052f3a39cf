package dev.mlsdmock.grading;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds candidate text that talks to the grader instead of the interviewer: fake system notes, "ignore the
 * rubric", requests for a score, pasted score blocks. Such sentences are flagged on the scorecard and never count
 * as evidence or reach an LLM grader as part of the answer, so they cannot raise a score.
 */
public final class InjectionDetector {

    private record Rule(String detail, Pattern pattern) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Rule> RULES = List.of(
            new Rule("a note addressed to the grader", Pattern.compile(
                    "\\b(system|admin|developer|important)\\s*(note|message|prompt|instruction|override)s?\\b[^.]{0,60}"
                            + "\\b(grader|grading|evaluator|scorer|model|assistant|ai|llm)\\b"
                            + "|\\bnote\\s+(to|for)\\s+(the\\s+)?(grader|evaluator|scorer|ai|model|llm)\\b", FLAGS)),
            new Rule("an instruction to ignore the rubric or earlier instructions", Pattern.compile(
                    "\\b(ignore|disregard|forget|override|bypass)\\b[^.]{0,40}\\b(rubric|instructions?|criteria|guidelines|"
                            + "system prompt|prompt|scoring rules)\\b", FLAGS)),
            new Rule("a request for a particular score", Pattern.compile(
                    "\\b(give|award|assign|grant|rate|mark|score)\\s+(me|this candidate|the candidate|this answer|this interview|"
                            + "this transcript|it)\\b[^.]{0,40}\\b(\\d+\\s*/\\s*\\d+|full marks|maximum|max|top|perfect|"
                            + "strong[- ]hire|hire|3|100)\\b"
                            + "|\\b(grader|evaluator|assistant|model|llm)\\s*[,:]\\s*(please\\s+)?(give|award|assign|rate|score|mark|output)\\b",
                    FLAGS)),
            new Rule("a pasted score or recommendation block", Pattern.compile(
                    // a JSON-style key, a line that is nothing but "score: 3", or a stated final verdict
                    "[\"'](overall|score|scores|recommendation|grade|rating|criteria)[\"']\\s*:"
                            + "|^\\W*(overall|score|recommendation|grade|rating)\\s*[:=]\\s*[\"']?"
                            + "(\\d{1,3}(\\s*/\\s*\\d{1,3})?|strong[- ]hire|hire|lean[- ]hire|no[- ]hire)[\"']?\\W*$"
                            + "|\\b(final|overall)\\s+(score|grade|verdict|rating)\\s+(is|was|should be)\\s+"
                            + "(\\d|strong|hire|perfect|full|max)", FLAGS)),
            new Rule("an attempt to change the grader's role", Pattern.compile(
                    "\\byou are (now|no longer)\\b|\\bact as (the )?(grader|evaluator)\\b|\\bnew instructions?\\s*:", FLAGS)));

    private InjectionDetector() {
    }

    /** What the sentence tries to do to the grader, or empty when it reads as an ordinary answer. */
    public static Optional<String> detect(String sentence) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(sentence).find()) {
                return Optional.of(rule.detail());
            }
        }
        return Optional.empty();
    }
}
