package dev.mlsdmock.interviewer.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.TokenUsage;
import dev.mlsdmock.budget.TokenEstimate;
import dev.mlsdmock.interviewer.TokenMeter;

/**
 * What one model call cost: the usage the provider reported, or, when it reported none (an error, a timeout, a cut
 * stream, a call cancelled by the stream guard, a server without {@code include_usage}), an estimate from the
 * characters sent and received ({@link TokenEstimate}). Every call costs something, so a provider that fails after
 * reading a long prompt still uses up the budget.
 */
final class CallCost {

    private CallCost() {
    }

    static void charge(TokenMeter meter, ChatRequest request, TokenUsage reported, CharSequence received) {
        if (reported != null && reported.inputTokenCount() != null && reported.outputTokenCount() != null) {
            meter.add(reported.inputTokenCount(), reported.outputTokenCount());
        } else {
            meter.add(TokenEstimate.ofRequest(request), TokenEstimate.of(received));
        }
    }
}
