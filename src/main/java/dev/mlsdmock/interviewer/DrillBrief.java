package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.prompt.DrillPhrases;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Criterion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a stage drill tells the candidate up front, from the rubric and {@code prompts/drills.yaml}: the answers of
 * the facts the step needs (the requirements a clarifying step would have established) and the earlier steps taken
 * as settled, stated as what a solid answer there does (the rubric's level-2 descriptors). Used by the offline
 * interviewer, which says it, and the LLM interviewer, which is told to. Pure logic.
 */
public final class DrillBrief {

    /** The score label a rubric descriptor starts with ("Solid: "), dropped when it is quoted as a statement. */
    private static final Pattern LABEL = Pattern.compile("^\\s*[A-Z][a-z]+:\\s*");

    private DrillBrief() {
    }

    /** The context of a drill of {@code stage}: facts, then settled steps; empty when the step needs neither. */
    public static String context(Rubric rubric, DrillPhrases phrases, Stage stage) {
        List<String> parts = new ArrayList<>();
        List<String> topics = phrases.factTopics(stage);
        String facts = rubric.facts().stream().filter(f -> topics.contains(f.topic().id()))
                .map(f -> f.answer().strip()).collect(Collectors.joining(" "));
        if (!facts.isEmpty()) {
            parts.add(fill(phrases.contextFacts(), Map.of("facts", facts)));
        }
        List<String> settled = new ArrayList<>();
        for (Stage earlier : phrases.given(stage)) {
            for (Criterion c : rubric.stage(earlier).criteria()) {
                String solid = LABEL.matcher(c.levels().get(2).strip()).replaceFirst("");
                settled.add((settled.isEmpty() ? "it " : "It also ") + solid);
            }
        }
        if (!settled.isEmpty()) {
            String given = String.join(" ", settled);
            parts.add(fill(phrases.contextGiven(), Map.of("given", Character.toUpperCase(given.charAt(0)) + given.substring(1))));
        }
        return String.join("\n", parts);
    }

    /** The offline interviewer's opening of a drill. */
    public static String opening(Rubric rubric, DrillPhrases phrases, String stageName, long minutes, String question,
                                 Stage stage) {
        return fill(phrases.opening(), Map.of("opening", rubric.opening().strip(), "stage", stageName,
                "minutes", String.valueOf(minutes), "context", context(rubric, phrases, stage), "question", question))
                .replaceAll("\n{2,}", "\n");
    }

    /** The offline interviewer's last words of a drill, for a {@code CLOSE} or {@code END_EARLY} plan. */
    public static String closing(DrillPhrases phrases, TurnPlan plan, String stageName) {
        String template = plan.kind() == TurnPlan.Kind.END_EARLY ? phrases.endedEarly()
                : plan.reason() == TurnPlan.Kind.ADVANCE_OVER_TIME ? phrases.closingOverTime()
                : plan.reason() == TurnPlan.Kind.ADVANCE_REQUESTED ? phrases.closingRequested() : phrases.closing();
        return fill(template, Map.of("stage", stageName));
    }

    static String fill(String template, Map<String, String> values) {
        return OfflineInterviewer.fill(template, values);
    }
}
