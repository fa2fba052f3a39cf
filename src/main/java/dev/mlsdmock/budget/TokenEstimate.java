package dev.mlsdmock.budget;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * Tokens of a text when the provider does not report them: one token per four characters, rounded up. That is the
 * usual ratio for English with OpenAI's and Llama's tokenizers, and errs high for the short words of conversation,
 * so a budget is spent slightly early rather than late.
 */
public final class TokenEstimate {

    public static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {
    }

    public static long of(CharSequence text) {
        return text == null ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The estimate for all the text of a request's messages. */
    public static long ofRequest(ChatRequest request) {
        return of(textOf(request));
    }

    /** All the text of the request's messages, one line break after each. */
    public static String textOf(ChatRequest request) {
        StringBuilder out = new StringBuilder();
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                out.append(s.text());
            } else if (m instanceof UserMessage u) {
                out.append(u.hasSingleText() ? u.singleText() : u.contents().toString());
            } else if (m instanceof AiMessage a && a.text() != null) {
                out.append(a.text());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
