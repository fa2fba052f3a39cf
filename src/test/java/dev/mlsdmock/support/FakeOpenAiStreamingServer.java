package dev.mlsdmock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake OpenAI-compatible chat completions server on loopback, speaking the streaming wire format: SSE
 * {@code data:} lines of {@code chat.completion.chunk} objects, a final chunk with the finish reason, a usage chunk
 * when the request asked for it ({@code stream_options.include_usage}), then {@code data: [DONE]}. The real
 * langchain4j OpenAI client talks to it.
 */
public final class FakeOpenAiStreamingServer extends FakeModelServer {

    public static final String API_KEY = "sk-test-not-a-real-key";
    /** Named in every error body, as a real provider's gateway may name its upstream: it must never reach a user. */
    public static final String INTERNAL_HOST = "llm-gpu-7.corp.internal:8443";
    private static FakeOpenAiStreamingServer shared;

    private FakeOpenAiStreamingServer() {
        super("/v1/chat/completions");
    }

    /** The one instance for the test JVM; a test profile points the application at it. */
    public static synchronized FakeOpenAiStreamingServer shared() {
        if (shared == null) {
            shared = new FakeOpenAiStreamingServer();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1/";
    }

    @Override
    protected String contentType() {
        return "text/event-stream";
    }

    @Override
    protected String piece(JsonNode request, String text, boolean first) {
        ObjectNode delta = JSON.createObjectNode();
        if (first) {
            delta.put("role", "assistant");
        }
        delta.put("content", text);
        return data(chunk(request, delta, null));
    }

    @Override
    protected List<String> end(JsonNode request, FakeReply reply) {
        List<String> lines = new ArrayList<>();
        lines.add(data(chunk(request, JSON.createObjectNode(), reply.finish())));
        if (request.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usage = base(request);
            usage.putArray("choices");
            int prompt = promptTokens(request);
            int completion = reply.pieces().size();
            usage.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
            lines.add(data(usage));
        }
        lines.add("data: [DONE]\n\n");
        return lines;
    }

    @Override
    protected String errorBody(int status) {
        return "{\"error\":{\"message\":\"fake error " + status + " from " + INTERNAL_HOST + "\",\"type\":\"" + (status == 429 ? "rate_limit_exceeded" : "server_error")
                + "\",\"code\":null}}";
    }

    private static ObjectNode chunk(JsonNode request, ObjectNode delta, String finish) {
        ObjectNode chunk = base(request);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return chunk;
    }

    private static ObjectNode base(JsonNode request) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-fake");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_700_000_000L);
        chunk.put("model", request.path("model").asText("fake"));
        return chunk;
    }

    private static String data(JsonNode node) {
        return "data: " + node + "\n\n";
    }
}
