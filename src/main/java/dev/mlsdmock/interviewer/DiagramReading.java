package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.DiagramText;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.prompt.DiagramComponents;
import dev.mlsdmock.prompt.DiagramComponents.Component;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the offline interviewer notices in the candidate's latest diagram, deterministically: a component the rubric
 * expects in this step or a later one that is drawn but that the candidate has not talked about ("unexplained"),
 * or else a component this step's key signals need that is not drawn ("missing"). The rubric says what is
 * expected (a component's label in a signal's keywords or description); {@code prompts/diagram-components.yaml}
 * says what a component is called and how it is mentioned. Each component is named at most once per interview.
 */
public final class DiagramReading {

    /** The plans a remark may go with: not the opening, a closing, or a hint. */
    private static final Set<TurnPlan.Kind> REMARKABLE = EnumSet.of(TurnPlan.Kind.PROBE, TurnPlan.Kind.KEEP_GOING,
            TurnPlan.Kind.ADVANCE_COVERED, TurnPlan.Kind.ADVANCE_REQUESTED, TurnPlan.Kind.ADVANCE_OVER_TIME);

    /** @param ask whether the turn's one question is about the component (else a statement before the question) */
    public record Finding(Component component, boolean drawn, boolean ask) {
    }

    private DiagramReading() {
    }

    public static Optional<Finding> read(DiagramComponents components, Rubric rubric, InterviewState state, TurnPlan plan) {
        Optional<TurnView> diagram = state.latestDiagram();
        if (diagram.isEmpty() || !REMARKABLE.contains(plan.kind())) {
            return Optional.empty();
        }
        String drawn = DiagramText.allLabels(diagram.get().text());
        String said = texts(state, Role.CANDIDATE);
        String asked = texts(state, Role.INTERVIEWER);
        boolean ask = plan.kind() == TurnPlan.Kind.KEEP_GOING;
        List<Component> fresh = components.components().stream()
                .filter(c -> !asked.contains(c.name().toLowerCase(Locale.ROOT))).toList();
        for (Stage stage : Stage.values()) {
            if (stage.ordinal() < plan.stage().ordinal()) {
                continue;
            }
            for (Component c : fresh) {
                if (mentions(drawn, c) && !mentions(said, c) && expected(rubric.stage(stage).signals(), c)) {
                    return Optional.of(new Finding(c, true, ask));
                }
            }
        }
        List<Signal> key = rubric.stage(plan.stage()).signals().stream().filter(Signal::key).toList();
        return fresh.stream().filter(c -> !mentions(drawn, c) && expected(key, c)).findFirst()
                .map(c -> new Finding(c, false, ask));
    }

    /** The words of the finding, from the data file. */
    public static String words(DiagramComponents components, Finding f) {
        String template = f.drawn() ? (f.ask() ? components.askUnexplained() : components.unexplained())
                : (f.ask() ? components.askMissing() : components.missing());
        return template.replace("{component}", f.component().name()).strip();
    }

    private static boolean expected(List<Signal> signals, Component c) {
        String rubricText = signals.stream().map(s -> s.description() + " . " + String.join(" . ", s.keywords()))
                .collect(Collectors.joining(" . ")).toLowerCase(Locale.ROOT);
        return mentions(rubricText, c);
    }

    private static boolean mentions(String text, Component c) {
        return c.labels().stream().anyMatch(label -> Pattern.compile("(?<![\\w-])" + Pattern.quote(label.toLowerCase(Locale.ROOT))
                + "(?:s|es)?(?![\\w-])").matcher(text).find());
    }

    private static String texts(InterviewState state, Role role) {
        return state.turns().stream().filter(t -> t.role() == role && !t.diagram()).map(TurnView::text)
                .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
    }
}
