package dev.mlsdmock.interviewer;

import java.util.Locale;

/** The LLM providers the interviewer can run on, chosen at run time by {@code interviewer.llm}. */
public enum LlmProvider {
    OFF, OPENAI, OLLAMA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
