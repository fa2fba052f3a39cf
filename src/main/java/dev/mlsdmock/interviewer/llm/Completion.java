package dev.mlsdmock.interviewer.llm;

import dev.langchain4j.model.output.FinishReason;

/** A finished model turn: its whole text, why the model stopped, and the tokens it used (null when not reported). */
public record Completion(String text, FinishReason finishReason, Integer inputTokens, Integer outputTokens) {
}
