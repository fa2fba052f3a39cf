package dev.mlsdmock.budget;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what one account may spend on LLM calls (docs/llm-guardrails.md). */
@ConfigMapping(prefix = "llm")
public interface BudgetConfig {

    /**
     * Tokens one account may use per UTC day, over every LLM call made for it (interviewer and grader, prompt and
     * completion, failed, timed-out and refused calls included). Applies only when a role uses an LLM. {@code 0}
     * switches the limit off.
     */
    @WithDefault("200000")
    long dailyTokenBudget();
}
