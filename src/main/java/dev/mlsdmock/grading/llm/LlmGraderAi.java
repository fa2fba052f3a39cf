package dev.mlsdmock.grading.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.util.List;

/**
 * The LLM grader: one call grades one stage against its criteria and returns a typed verdict (structured output).
 * It uses the chat model named {@code grader} (configured under {@code quarkus.langchain4j.openai.grader.*}, with
 * temperature 0), and no chat memory: every call stands alone, so one interview can never leak into another's grade.
 * The prompt texts come from {@code prompts/grader-system.md} and {@code prompts/grader-stage.md} via {@link LlmGrader}.
 */
@ApplicationScoped // stateless (no memory), and called from the grading worker, where no request scope is active
@RegisterAiService(modelName = "grader", chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface LlmGraderAi {

    @SystemMessage("{system}")
    @UserMessage("{request}")
    @Retry(maxRetries = 2, delay = 500)
    StageVerdict gradeStage(@V("system") String system, @V("request") String request);

    /** The LLM's verdict on the criteria of one stage. */
    record StageVerdict(List<CriterionVerdict> criteria) {
    }

    /**
     * Score 0-3; {@code rationale}: what this candidate showed, in one sentence of plain words; {@code missing}: what
     * the next score needed, in one sentence (null at 3); verbatim quotes of the candidate with their turn.
     */
    record CriterionVerdict(String id, int score, String rationale, String missing, List<Quote> evidence) {
    }

    record Quote(int seq, String quote) {
    }
}
