package dev.mlsdmock.interviewer.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interviewer.DrillBrief;
import dev.mlsdmock.prompt.DrillPhrases;
import dev.mlsdmock.prompt.OfflinePhrases;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Fact;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the messages of one LLM interviewer turn from the stored transcript, which is the conversation's only
 * memory: a restarted server or another instance builds the same messages. The system message carries the
 * persona, where the interview is and the stage machine's plan for this turn, with only what that turn needs: the
 * facts revealed in it and, for a follow-up, the one probe question. No other fact, no signal description and no
 * red flag is ever sent, so the model cannot leak what it was never told; every candidate
 * turn is fenced in {@code <candidate_answer>} tags, with any tag the candidate typed neutralised so their text
 * cannot close the fence. Pure logic, no Quarkus.
 */
public final class PromptAssembler {

    static final String OPEN_TAG = "<candidate_answer>";
    static final String CLOSE_TAG = "</candidate_answer>";
    static final String DIAGRAM_OPEN = "<candidate_diagram>";
    static final String DIAGRAM_CLOSE = "</candidate_diagram>";
    private static final Pattern FENCE_LOOKALIKE = Pattern.compile("(?i)<(\\s*/?\\s*)(candidate_answer|candidate_diagram|event)");

    private final String systemTemplate;
    private final InterviewerTurns turns;
    private final OfflinePhrases phrases;
    private final DrillPhrases drills;
    private final StageBudgets budgets;

    public PromptAssembler(String systemTemplate, InterviewerTurns turns, OfflinePhrases phrases, DrillPhrases drills,
                           StageBudgets budgets) {
        this.systemTemplate = systemTemplate;
        this.turns = turns;
        this.phrases = phrases;
        this.drills = drills;
        this.budgets = budgets;
    }

    /**
     * @param requirementChange the change to announce in this turn, or null
     */
    public List<ChatMessage> messages(Rubric rubric, InterviewState state, TurnPlan plan, Instant now, String requirementChange) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system(rubric, state, plan, now, requirementChange)));
        Optional<TurnView> diagram = state.latestDiagram();
        for (TurnView turn : state.turns()) {
            if (turn.diagram()) {
                // Only the latest version, where it was saved: candidate data in a fence of its own.
                diagram.filter(d -> d == turn).ifPresent(d -> messages.add(UserMessage.from(fenceDiagram(d.text()))));
                continue;
            }
            messages.add(turn.role() == Role.CANDIDATE ? UserMessage.from(fence(turn.text())) : AiMessage.from(turn.text()));
        }
        boolean answersCandidate = state.endsWithCandidate();
        if (!answersCandidate) {
            String event = switch (plan.kind()) {
                case OPEN -> turns.events().get("open");
                case CLOSE, END_EARLY -> turns.events().get("end");
                default -> turns.events().get("advance");
            };
            messages.add(UserMessage.from("<event>" + event + "</event>"));
        }
        return messages;
    }

    String system(Rubric rubric, InterviewState state, TurnPlan plan, Instant now, String requirementChange) {
        Stage stage = plan.stage();
        long remaining = plan.changesStage() ? budgets.of(stage).toSeconds()
                : budgets.remainingSeconds(stage, state.isDrill(), state.stageStartedAt(), now);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{title}", rubric.title());
        values.put("{opening}", rubric.opening().strip());
        values.put("{stage_number}", String.valueOf(stage.number()));
        values.put("{stage_name}", phrases.stageName(stage));
        values.put("{minutes_left}", minutes(remaining));
        values.put("{instruction}", state.isDrill() ? drillInstruction(rubric, plan, requirementChange)
                : instruction(rubric, plan, requirementChange));
        String text = systemTemplate;
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text.strip();
    }

    String instruction(Rubric rubric, TurnPlan plan, String requirementChange) {
        List<String> parts = new ArrayList<>();
        if (!plan.factIds().isEmpty()) {
            parts.add(fill(turns.revealFacts(), Map.of("{facts}", plan.factIds().stream().map(rubric::fact)
                    .flatMap(Optional::stream).map(Fact::answer).map(String::strip).collect(Collectors.joining(" ")))));
        }
        if (plan.unanswered() > 0) {
            parts.add(turns.notSpecified());
        }
        if (requirementChange != null && plan.kind() != Kind.CLOSE && plan.kind() != Kind.END_EARLY) {
            parts.add(fill(turns.requirementChange(), Map.of("{change}", requirementChange)));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{stage}", phrases.stageName(plan.stage()));
        values.put("{previous}", phrases.stageName(plan.from()));
        values.put("{question}", phrases.stageQuestion(plan.stage()));
        values.put("{minutes}", String.valueOf(budgets.total().toMinutes()));
        // The probe question only: what the signal means stays on the server, so the model cannot recite it.
        Optional<Signal> probe = plan.probeId() == null ? Optional.empty() : rubric.signal(plan.probeId());
        values.put("{probe}", probe.map(p -> p.probe().strip()).orElse(""));
        parts.add(fill(turns.instruction(plan), values));
        return String.join("\n", parts);
    }

    /**
     * A drill's first and last turns have instructions of their own ({@code prompts/drills.yaml}): the opening
     * carries the drill's context ({@link DrillBrief}); every other turn is instructed as in a full interview.
     */
    String drillInstruction(Rubric rubric, TurnPlan plan, String requirementChange) {
        String template = switch (plan.kind()) {
            case OPEN -> drills.llm().open();
            case CLOSE -> drills.llm().close();
            case END_EARLY -> drills.llm().endEarly();
            default -> null;
        };
        if (template == null) {
            return instruction(rubric, plan, requirementChange);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{stage}", phrases.stageName(plan.stage()));
        values.put("{minutes}", String.valueOf(budgets.of(plan.stage(), true).toMinutes()));
        values.put("{context}", DrillBrief.context(rubric, drills, plan.stage()));
        values.put("{question}", phrases.stageQuestion(plan.stage()));
        return fill(template, values);
    }

    /** The candidate's words as data: inside the fence, with anything that looks like a fence tag neutralised. */
    static String fence(String candidateText) {
        return OPEN_TAG + "\n" + FENCE_LOOKALIKE.matcher(candidateText).replaceAll("&lt;$1$2") + "\n" + CLOSE_TAG;
    }

    /** The candidate's diagram (Mermaid text) as data, fenced like an answer. */
    static String fenceDiagram(String diagramText) {
        return DIAGRAM_OPEN + "\n" + FENCE_LOOKALIKE.matcher(diagramText).replaceAll("&lt;$1$2") + "\n" + DIAGRAM_CLOSE;
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out.strip();
    }

    static String minutes(long seconds) {
        if (seconds <= 0) {
            return "no time (the step is over its budget)";
        }
        if (seconds < 90) {
            return "1 minute";
        }
        return Math.round(seconds / 60.0) + " minutes";
    }
}
