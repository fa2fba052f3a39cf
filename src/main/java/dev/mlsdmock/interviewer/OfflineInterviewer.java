package dev.mlsdmock.interviewer;

import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.prompt.DiagramComponents;
import dev.mlsdmock.prompt.DrillPhrases;
import dev.mlsdmock.prompt.OfflinePhrases;
import dev.mlsdmock.rubric.Rubric;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The interviewer that needs no model: it fills the templates of {@code prompts/offline-interviewer.yaml} with the
 * rubric's opening, facts and probes. Deterministic, so the same transcript always gets the same reply. It only
 * ever says what the rubric lets it reveal (facts the candidate asked for, and follow-up questions); it never
 * states a signal's description or an answer.
 */
public class OfflineInterviewer implements Interviewer {

    public static final String NAME = InterviewState.OFFLINE;

    private final Supplier<OfflinePhrases> phrases;
    private final Supplier<DrillPhrases> drills;
    private final StageBudgets budgets;
    private final Supplier<DiagramComponents> diagram;

    public OfflineInterviewer(Supplier<OfflinePhrases> phrases, Supplier<DrillPhrases> drills, StageBudgets budgets) {
        this(phrases, drills, () -> DiagramComponents.NONE, budgets);
    }

    /**
     * @param drills  the opening and closing of a stage drill ({@link DrillBrief})
     * @param diagram what to notice in the candidate's diagram ({@link DiagramReading})
     */
    public OfflineInterviewer(Supplier<OfflinePhrases> phrases, Supplier<DrillPhrases> drills,
                              Supplier<DiagramComponents> diagram, StageBudgets budgets) {
        this.phrases = phrases;
        this.drills = drills;
        this.diagram = diagram;
        this.budgets = budgets;
    }

    @Override
    public Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas) {
        return new Words(text(rubric, state, plan), NAME, null, null, null);
    }

    /**
     * The words of the planned turn, with what the candidate's diagram calls for: a remark before the planned
     * question, or (when the candidate is mid-way through a step) the question itself.
     */
    public String text(Rubric rubric, InterviewState state, TurnPlan plan) {
        DiagramComponents components = diagram.get();
        var finding = DiagramReading.read(components, rubric, state, plan);
        if (finding.isEmpty()) {
            return text(rubric, state, plan, null, null);
        }
        String words = DiagramReading.words(components, finding.get());
        return finding.get().ask() ? text(rubric, state, plan, null, words) : text(rubric, state, plan, words, null);
    }

    /** The words of the planned turn of a full interview; the same plan always gets the same words. */
    public String text(Rubric rubric, TurnPlan plan) {
        return text(rubric, null, plan, null, null);
    }

    /**
     * @param state     tells a drill (its opening and closing differ); null: a full interview
     * @param remark    said after the facts and before the planned question, or null
     * @param keepGoing the question of a {@link TurnPlan.Kind#KEEP_GOING} turn in place of the usual "go on", or null
     */
    private String text(Rubric rubric, InterviewState state, TurnPlan plan, String remark, String keepGoing) {
        OfflinePhrases p = phrases.get();
        StringBuilder text = new StringBuilder();
        boolean drill = state != null && state.isDrill();
        for (String factId : plan.factIds()) {
            rubric.fact(factId).ifPresent(fact -> append(text, fact.answer()));
        }
        if (plan.unanswered() > 0) {
            append(text, p.notSpecified());
        }
        append(text, remark);
        if (drill && (plan.kind() == TurnPlan.Kind.OPEN || plan.endsInterview())) {
            String stageName = p.stageName(plan.stage());
            append(text, plan.kind() == TurnPlan.Kind.OPEN
                    ? DrillBrief.opening(rubric, drills.get(), stageName, budgets.of(plan.stage(), true).toMinutes(),
                    p.stageQuestion(plan.stage()), plan.stage())
                    : DrillBrief.closing(drills.get(), plan, stageName));
            return text.toString();
        }
        switch (plan.kind()) {
            case OPEN -> append(text, fill(p.opening(), Map.of(
                    "opening", rubric.opening(),
                    "minutes", String.valueOf(budgets.total().toMinutes()),
                    "question", p.stageQuestion(plan.stage()))));
            case PROBE -> append(text, (plan.reason() == TurnPlan.Kind.ADVANCE_REQUESTED ? p.beforeMovingOn()
                    : pick(p.probeLeadIns(), plan.variant())) + probeQuestion(rubric, plan));
            case KEEP_GOING -> append(text, keepGoing != null ? keepGoing : p.keepGoing());
            case ADVANCE_COVERED -> append(text, transition(p, p.transitionCovered(), plan));
            case ADVANCE_REQUESTED -> append(text, transition(p, p.transitionRequested(), plan));
            case ADVANCE_OVER_TIME -> append(text, transition(p, p.transitionOverTime(), plan));
            case CLOSE -> append(text, plan.reason() == TurnPlan.Kind.ADVANCE_OVER_TIME ? p.closingOverTime()
                    : plan.reason() == TurnPlan.Kind.ADVANCE_REQUESTED ? p.closingRequested() : p.closing());
            case END_EARLY -> append(text, p.endedEarly());
            case HINT -> append(text, hint(rubric, p, plan));
        }
        return text.toString();
    }

    /** Step 0 is a nudge, later steps more specific pointers; a signal without hints of its own borrows them. */
    private static String hint(Rubric rubric, OfflinePhrases p, TurnPlan plan) {
        if (plan.probeId() == null || plan.hintStep() < 0) {
            return p.hintsExhausted();
        }
        Rubric.Signal signal = rubric.signal(plan.probeId()).orElseThrow(() -> new IllegalStateException(
                "Rubric " + rubric.id() + " has no signal '" + plan.probeId() + "' to hint at"));
        if (!signal.hints().isEmpty()) {
            return signal.hints().get(Math.min(plan.hintStep(), signal.hints().size() - 1));
        }
        return plan.hintStep() == 0 ? p.hintNudge(plan.stage()) : fill(p.hintPointer(), Map.of("probe", signal.probe()));
    }

    private static String probeQuestion(Rubric rubric, TurnPlan plan) {
        return rubric.signal(plan.probeId()).map(Rubric.Signal::probe).orElseThrow(() -> new IllegalStateException(
                "Rubric " + rubric.id() + " has no signal '" + plan.probeId() + "' to probe"));
    }

    private static String transition(OfflinePhrases p, List<String> variants, TurnPlan plan) {
        return fill(pick(variants, plan.variant()), Map.of(
                "previous", p.stageName(plan.from()),
                "stage", p.stageName(plan.stage()),
                "question", p.stageQuestion(plan.stage())));
    }

    private static String pick(List<String> variants, int variant) {
        return variants.get(Math.floorMod(variant, variants.size()));
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out.strip();
    }

    private static void append(StringBuilder text, String part) {
        if (part == null || part.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(text.charAt(text.length() - 1) == '\n' ? "" : " ");
        }
        text.append(part.strip());
    }
}
