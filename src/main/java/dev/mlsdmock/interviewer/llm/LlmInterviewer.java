package dev.mlsdmock.interviewer.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.StageBudgets;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.prompt.DrillPhrases;
import dev.mlsdmock.interviewer.DrillBrief;
import dev.mlsdmock.interviewer.InterviewerConfig;
import dev.mlsdmock.interviewer.ModelInterviewer;
import dev.mlsdmock.interviewer.TokenMeter;
import dev.mlsdmock.interviewer.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The interviewer persona on an LLM: words the turn the stage policy planned, streaming it as it is written.
 * Decides when the one requirement change is announced (the first model turn of its stage), and refuses output
 * that cannot stand as an interviewer turn: empty, cut off, or repeating the hidden rubric. The stream passes a
 * {@link StreamGuard} first, so a recitation is stopped before it reaches the client.
 */
@ApplicationScoped
@Typed(ModelInterviewer.class) // the InterviewerSwitch is the one Interviewer other features get
public class LlmInterviewer implements ModelInterviewer {

    /** Builds stream guards beside the request; daemon threads, gone after a minute without work. */
    private static final Executor GUARD_BUILDER = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "stream-guard-builder");
        t.setDaemon(true);
        return t;
    });

    private final LlmModels models;
    private final LlmClient client;
    private final LlmPrompts prompts;
    private final InterviewerConfig config;
    private final StageBudgets budgets;
    private final Clock clock;
    private final Stage changeStage;
    private final ModelMeters meters;

    public LlmInterviewer(LlmModels models, LlmClient client, LlmPrompts prompts, InterviewerConfig config, StageBudgets budgets,
                          Clock clock, ModelMeters meters) {
        this.meters = meters;
        this.models = models;
        this.client = client;
        this.prompts = prompts;
        this.config = config;
        this.budgets = budgets;
        this.clock = clock;
        this.changeStage = Stage.fromId(config.requirementChangeStage().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalStateException("interviewer.requirement-change-stage must be one of clarify, frame, data, "
                        + "model, evaluate, serve, monitor; it is '" + config.requirementChangeStage() + "'"));
    }

    @Override
    public String label() {
        return models.label();
    }

    /**
     * @throws LlmFailure when no usable turn came back; deltas may have been sent before it
     */
    @Override
    public Words speak(Rubric rubric, InterviewState state, TurnPlan plan, Consumer<String> deltas, TokenMeter meter) {
        LlmModels.Selected selected = models.selected().orElseThrow(() -> new LlmFailure(LlmFailure.Code.LLM_UNAVAILABLE,
                "This server has no LLM configured any more (interviewer.llm=off).", false, null));
        InterviewerTurns turns = prompts.turns();
        DrillPhrases drills = prompts.library().drillPhrases();
        PromptAssembler assembler = new PromptAssembler(prompts.system(), turns, prompts.library().offlinePhrases(),
                drills, budgets);
        String change = announcesRequirementChange(state, plan) ? turns.requirementChangeFor(rubric.id()) : null;
        List<ChatMessage> messages = assembler.messages(rubric, state, plan, Instant.now(clock), change);
        ChatRequest request = ChatRequest.builder().messages(messages).maxOutputTokens(config.maxOutputTokens()).build();
        // A drill's opening states its context (facts, settled steps): that is what the candidate is meant to see.
        String drillContext = state.isDrill() && plan.kind() == TurnPlan.Kind.OPEN
                ? DrillBrief.context(rubric, drills, plan.stage()) : null;
        String allowed = drillContext == null ? change : change == null ? drillContext : change + "\n" + drillContext;
        // The guard is built while the request travels (it is needed at the first token, and building it reads the
        // whole rubric and transcript): the request starts without waiting for it (bench/RESULTS.md, LLM path).
        CompletableFuture<StreamGuard> guardReady = CompletableFuture.supplyAsync(
                () -> guard(rubric, state, plan, prompts.system(), allowed, deltas), GUARD_BUILDER);
        Completion completion;
        try {
            // The model's first token is timed as it arrives; the guard then decides what reaches the client.
            completion = client.stream(selected.model(), request, config.firstTokenTimeout(), config.totalTimeout(),
                    meters.timing(piece -> guardReady.join().accept(piece)), meter);
        } catch (LlmFailure e) {
            meters.failed(e);
            // The client counts text it received; the client of the interview saw only what the guard released.
            throw e.deltasSent() && !guardReady.join().sentAny() ? new LlmFailure(e.code(), e.getMessage(), false, e) : e;
        }
        StreamGuard guard = guardReady.join();
        meters.tokens(completion.inputTokens(), completion.outputTokens());
        String text;
        try {
            text = check(rubric, completion);
        } catch (LlmFailure e) {
            meters.failed(e);
            throw e;
        }
        guard.finish();
        return new Words(text, selected.label(), completion.inputTokens(), completion.outputTokens(), null);
    }

    /** The change is announced once: on the first turn the model speaks in its stage (an offline fallback does not count). */
    boolean announcesRequirementChange(InterviewState state, TurnPlan plan) {
        // A drill is practice of one step from a fixed framing: no mid-step change of requirements.
        if (plan.stage() != changeStage || plan.endsInterview() || state.isDrill()) {
            return false;
        }
        return state.turns().stream().noneMatch(t -> t.role() == Role.INTERVIEWER && t.stage() == changeStage
                && ModelInterviewer.isModelSource(t.source()));
    }

    /**
     * The guard of this turn's stream: every signal description and red flag of the rubric, and every fact not
     * revealed in this turn, are protected; the prompt's headings and the fence tags are markers. Whatever the
     * candidate can see anyway (the transcript, the opening, this turn's facts, probe and requirement change, a drill's
     * opening context) is allowed.
     */
    static StreamGuard guard(Rubric rubric, InterviewState state, TurnPlan plan, String systemTemplate, String change,
                             Consumer<String> deltas) {
        List<String> hidden = new ArrayList<>();
        rubric.allSignals().forEach(s -> hidden.add(s.description()));
        for (Stage stage : Stage.values()) {
            rubric.stage(stage).redFlags().forEach(r -> hidden.add(r.description()));
        }
        List<String> allowed = new ArrayList<>();
        rubric.facts().forEach(f -> (plan.factIds().contains(f.id()) ? allowed : hidden).add(f.answer()));
        state.turns().forEach(t -> allowed.add(t.text()));
        allowed.add(rubric.opening());
        if (plan.probeId() != null) {
            rubric.signal(plan.probeId()).ifPresent(s -> allowed.add(s.probe()));
        }
        if (change != null) {
            allowed.add(change);
        }
        List<String> markers = new ArrayList<>(List.of("<candidate_answer", "</candidate_answer", "<candidate_diagram",
                "</candidate_diagram", "<event>", "</event>"));
        systemTemplate.lines().map(String::strip).filter(l -> l.startsWith("#")).forEach(markers::add);
        return new StreamGuard(hidden, allowed, markers, deltas);
    }

    static String check(Rubric rubric, Completion completion) {
        String text = completion.text() == null ? "" : completion.text().strip();
        FinishReason reason = completion.finishReason();
        if (reason == null && completion.inputTokens() == null && completion.outputTokens() == null) {
            // Neither a finish reason nor the final usage record arrived: the stream ended early.
            throw new LlmFailure(LlmFailure.Code.LLM_STREAM_CUT, "The AI interviewer's answer broke off before it was finished.",
                    !text.isEmpty(), null);
        }
        if (reason == FinishReason.LENGTH) {
            throw invalid("The AI interviewer's answer ran over the length limit.", text);
        }
        if (reason == FinishReason.CONTENT_FILTER) {
            throw invalid("The AI provider filtered the interviewer's answer.", text);
        }
        if (text.isEmpty()) {
            throw invalid("The AI interviewer's answer was empty.", text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean leaks = lower.contains("<candidate_answer") || lower.contains("</candidate_answer")
                || lower.contains("# your next turn") || lower.contains("what a strong candidate shows")
                || rubric.allSignals().anyMatch(s -> lower.contains(s.description().strip().toLowerCase(Locale.ROOT)));
        if (leaks) {
            throw invalid("The AI interviewer's answer repeated its hidden instructions.", text);
        }
        return text;
    }

    private static LlmFailure invalid(String message, String text) {
        return new LlmFailure(LlmFailure.Code.LLM_INVALID_OUTPUT, message, !text.isEmpty(), null);
    }
}
