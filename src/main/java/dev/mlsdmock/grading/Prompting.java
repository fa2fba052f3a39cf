package dev.mlsdmock.grading;

import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric.Criterion;

import java.util.List;
import java.util.Map;

/**
 * What the candidate raised on their own versus after the interviewer asked. A criterion whose signals all came
 * up only after a coach-mode hint earns one point less; one whose signals came up only after a probe keeps its
 * score, except that a staff candidate is expected to raise it unprompted, so it cannot be "strong" at staff.
 * Either way the scorecard says so in a flag. Graders do not see this: it is applied after grading.
 *
 * @param via for each signal the candidate showed, how it first came up: {@code unprompted}, {@code probe} or
 *            {@code hint} (InterviewService.SignalOrigin)
 */
record Prompting(Map<String, String> via) {

    static final String HINT = "hint";
    static final String PROBE = "probe";

    static Prompting none() {
        return new Prompting(Map.of());
    }

    /** The criterion's score after prompting is taken into account; adds a flag when it changes the reading. */
    int adjust(Criterion criterion, int score, Level level, List<Flag> flags) {
        List<String> shown = criterion.signals().stream().filter(via::containsKey).toList();
        if (shown.isEmpty() || score == 0) {
            return score;
        }
        if (shown.stream().allMatch(s -> HINT.equals(via.get(s)))) {
            flags.add(new Flag("shown-after-hint", null, criterion.id() + " (" + criterion.stage().id()
                    + "): shown only after a hint, so it earns one point less"));
            return score - 1;
        }
        if (shown.stream().allMatch(s -> !"unprompted".equals(via.get(s)))) {
            boolean capped = level == Level.STAFF && score == 3;
            flags.add(new Flag("shown-after-probe", null, criterion.id() + " (" + criterion.stage().id()
                    + "): shown only after the interviewer asked" + (capped ? "; a staff candidate raises it unprompted, so it is not strong" : "")));
            return capped ? 2 : score;
        }
        return score;
    }
}
