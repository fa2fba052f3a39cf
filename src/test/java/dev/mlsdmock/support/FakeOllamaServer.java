package dev.mlsdmock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A fake Ollama server on loopback, speaking the native streaming chat format: {@code POST /api/chat} answered
 * with newline-delimited JSON, one {@code message} per token and a final {@code "done": true} line with the
 * token counts ({@code prompt_eval_count}, {@code eval_count}). The real quarkus-langchain4j Ollama client talks to it.
 */
public final class FakeOllamaServer extends FakeModelServer {

    private static FakeOllamaServer shared;

    private FakeOllamaServer() {
        super("/api/chat");
    }

    public static synchronized FakeOllamaServer shared() {
        if (shared == null) {
            shared = new FakeOllamaServer();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    protected String contentType() {
        return "application/x-ndjson";
    }

    @Override
    protected String piece(JsonNode request, String text, boolean first) {
        ObjectNode line = base(request);
        line.putObject("message").put("role", "assistant").put("content", text);
        line.put("done", false);
        return line + "\n";
    }

    @Override
    protected List<String> end(JsonNode request, FakeReply reply) {
        ObjectNode line = base(request);
        line.putObject("message").put("role", "assistant").put("content", "");
        line.put("done", true);
        line.put("done_reason", reply.finish());
        line.put("total_duration", 1_000_000L);
        line.put("load_duration", 1_000L);
        line.put("prompt_eval_count", promptTokens(request));
        line.put("prompt_eval_duration", 1_000L);
        line.put("eval_count", reply.pieces().size());
        line.put("eval_duration", 1_000L);
        return List.of(line + "\n");
    }

    @Override
    protected String errorBody(int status) {
        return "{\"error\":\"fake error " + status + "\"}";
    }

    private static ObjectNode base(JsonNode request) {
        ObjectNode line = JSON.createObjectNode();
        line.put("model", request.path("model").asText("llama3.2"));
        line.put("created_at", "2026-01-01T00:00:00Z");
        return line;
    }
}
