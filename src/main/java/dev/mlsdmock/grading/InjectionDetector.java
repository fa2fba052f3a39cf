package dev.mlsdmock.grading;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds candidate text that talks to the grader instead of the interviewer: fake system notes, "ignore the
 * rubric", requests for a score, pasted score blocks. Such sentences are flagged on the scorecard and never count
 * as evidence or reach an LLM grader as part of the answer, so they cannot raise a score.
 * <p>
 * The rules look for what an attempt must do, not for its classic wording: address whoever grades (the grader, "the
 * AI", "whoever scores this"), ask for a high grade for this answer, or tell the reader to set its instructions
 * aside. Ordinary answers share the vocabulary ("score each post", "ignore stale users", "human raters assign a
 * grade"), so each rule needs two parts together. Both corpora in {@code src/test/resources/injection/} hold them
 * to it.
 */
public final class InjectionDetector {

    private record Rule(String detail, Pattern pattern) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Whoever grades: named, or addressed as the AI reading the transcript. */
    private static final String GRADER = "(grader|grading|evaluator|scorer|assessor|marker|reviewer"
            + "|(ai|llm|language model|model|assistant)\\s+(reviewer|grader|evaluator|evaluating|grading|scoring|reading)"
            + "|(whoever|anyone|anybody|whatever)\\s+(is\\s+)?(grad|scor|evaluat|assess|read|mark)\\w*"
            + "|(automated|automatic)\\s+(scorer|grader|evaluator|system))";
    /** A high grade, as a number, a level or a verdict. */
    private static final String HIGH = "(\\d+\\s*/\\s*\\d+|\\d+\\s+out\\s+of\\s+\\d+|full\\s+(marks|credit|points|score)|maximum|max|"
            + "highest|best(\\s+possible)?|top(\\s+marks|\\s+score)?|perfect|strong[- ]hire|hire|excellent|3|100)";
    /** This answer, this candidate, every criterion: what a requested grade is for. */
    private static final String TARGET = "(me|my\\s+answers?|this(\\s+(candidate|answer|interview|transcript|response|stage|part))?|it|"
            + "the\\s+(candidate|above(\\s+answer)?|following)|every(\\s+\\w+)?|all(\\s+\\w+)?|each\\s+(criterion|stage))";
    private static final String OVERRIDE_VERB = "(ignore|disregard|forget|override|bypass|skip|set\\s+aside|"
            + "do\\s+not\\s+follow|don't\\s+follow|stop\\s+following)";
    private static final String INSTRUCTIONS = "(rubric|instructions?|criteria|guidelines|system\\s+prompt|prompt|"
            + "scoring\\s+rules|grading\\s+(rules|instructions)|what\\s+you\\s+were\\s+told|previous|earlier)";

    private static final List<Rule> RULES = List.of(
            new Rule("a note addressed to the grader", Pattern.compile(
                    "\\b(system|admin|developer|important)\\s*(note|message|prompt|instruction|override)s?\\b[^.]{0,60}"
                            + "\\b(grader|grading|evaluator|scorer|model|assistant|ai|llm)\\b"
                            + "|\\bnote\\s+(to|for)\\s+(the\\s+)?(grader|evaluator|scorer|ai|model|llm)\\b"
                            + "|\\b(grading|evaluator|evaluation|scoring)\\s+(note|instructions?|policy)\\b[^.]{0,20}[:]"
                            + "|\\b(message|note)\\s+(is\\s+)?for\\s+the\\s+(ai|llm|language\\s+model|model)\\b"
                            + "|^\\W*(dear|hey|hi|hello|to)\\s+(the\\s+)?" + GRADER + "\\b"
                            + "|^\\W*(system(\\s+prompt)?|assistant|grader|evaluator)\\s*:"
                            + "|^\\W*(to\\s+)?" + GRADER + "\\b[^:.]{0,20}:"
                            + "|\\bsystem\\s+prompt\\s*:|\\bend\\s+of\\s+(the\\s+)?transcript\\b", FLAGS)),
            new Rule("an instruction to ignore the rubric or earlier instructions", Pattern.compile(
                    "\\b" + OVERRIDE_VERB + "\\b[^.;]{0,40}\\b(all\\s+|your\\s+|the\\s+)?" + INSTRUCTIONS
                            + "\\b(?!-)(?![^.;]{0,30}\\b(checklist|logs?|data|users?|posts?|features?)\\b)"
                            + "|\\bpretend\\b[^.]{0,40}\\b(rubric|grader|criteria|score)"
                            + "|\\b" + GRADER + "\\b[^.]{0,40}\\b" + OVERRIDE_VERB + "\\b", FLAGS)),
            new Rule("a request for a particular score", Pattern.compile(
                    "\\b(give|award|assign|grant|rate|mark|score|treat|count|set)\\s+" + TARGET + "\\b[^.]{0,40}?\\b" + HIGH + "(?!\\w|\\.\\d)"
                            + "|\\b(give|award|assign|grant)\\s+(me|it|this(\\s+\\w+)?|the\\s+candidate|full)\\b[^.]{0,40}\\b(marks|credit|points|maximum|rating)\\b"
                            + "|\\b(be|grade|score|mark)\\s+(\\w+\\s+)?(generous|lenient|leniently|generously|kind|kindly)\\b"
                            + "|\\b(rate|grade|mark|score|treat)\\s+(this|it|me|the\\s+\\w+)(\\s+\\w+)?\\s+as\\s+(a\\s+)?(strong|perfect|excellent|hire|solid|full)"
                            + "|\\b(set|put)\\s+(every|each|all|the)\\s+(\\w+\\s+)?(scores?|grades?|ratings?)\\s+to\\b"
                            + "|\\b(grader|evaluator|assistant|model|llm)\\s*[,:]\\s*(please\\s+)?(give|award|assign|rate|score|mark|output)\\b"
                            + "|\\b(output|produce|return|write)\\s+(a\\s+)?(perfect|full|maximum)\\s+(scorecard|score|grade)"
                            + "|\\b(say|approve|pass)\\s+(just\\s+)?(hire|this\\s+candidate|me)\\b"
                            + "|\\bjust\\s+say\\s+hire\\b"
                            + "|\\b(evaluation|scorecard|grade|verdict)\\s+says?\\s+(that\\s+)?I\\b"
                            + "|\\b(deserves?|earns?)\\s+(a\\s+)?(top\\s+marks|full\\s+marks|strong[- ]hire|perfect|the\\s+maximum|3)\\b"
                            + "|\\b" + GRADER + "\\b[^.]{0,60}\\b(should|must|will|please|to)\\s+(award|assign|give|grant|count|rate|score|mark)\\b"
                            + "|\\b(will|would|could|can)\\s+you\\b[^.?]{0,40}\\b(score|grade|rate|mark|award|give)\\b[^.?]{0,40}\\b" + HIGH + "(?!\\w|\\.\\d)",
                    FLAGS)),
            new Rule("a pasted score or recommendation block", Pattern.compile(
                    // a JSON-style key, a line that is nothing but "score: 3", or a stated final verdict
                    "[\"'](overall|score|scores|recommendation|grade|rating|criteria)[\"']\\s*:"
                            + "|^\\W*(overall|score|recommendation|grade|rating|final\\s+verdict|verdict)\\s*[:=]\\s*[\"']?"
                            + "(\\d{1,3}(\\s*/\\s*\\d{1,3})?|strong[- ]hire|hire|lean[- ]hire|no[- ]hire)[\"']?\\W*$"
                            + "|\\b(final|overall|correct)\\s+(score|grade|verdict|rating)\\b[^.]{0,30}\\b(is|was|should be)\\s+"
                            + "(\\d|strong|hire|perfect|full|max)"
                            + "|\\ball\\s+criteria\\s+(are\\s+)?met\\b", FLAGS)),
            new Rule("an attempt to change the grader's role", Pattern.compile(
                    "\\byou are (now|no longer) (a|an|the)\\b|\\bact as (the )?(grader|evaluator)\\b|\\bnew instructions?\\s*:"
                            + "|\\byour\\s+(real|actual|true|new|only)\\s+(task|job|goal|instructions?)\\b"
                            + "|\\b(evaluator|grader|grading|scoring)\\s+instructions\\s+(updated|changed)", FLAGS)));

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
