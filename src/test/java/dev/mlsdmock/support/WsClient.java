package dev.mlsdmock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket test client on the JDK's own HTTP client (no Quarkus involved on this side): collects every frame
 * in a queue and lets a test wait for the frame it expects, without sleeping.
 */
public final class WsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private volatile Integer closeCode;

    private WsClient(URI uri, String username, String password) {
        StringBuilder partial = new StringBuilder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        frames.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException("Server sent a frame that is not JSON: " + partial, e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeCode = statusCode;
                return null;
            }
        };
        String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Basic " + auth)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, listener).join();
    }

    public static WsClient connect(URI uri, String username, String password) {
        return new WsClient(uri, username, password);
    }

    /** The HTTP status the server refused the upgrade with. */
    public static int refusedStatus(URI uri, String username, String password) {
        try {
            new WsClient(uri, username, password).close();
            throw new AssertionError("The upgrade to " + uri + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void answer(String clientId, String text) {
        send(JSON.createObjectNode().put("type", "answer").put("clientId", clientId).put("text", text).toString());
    }

    public void sendType(String type) {
        send(JSON.createObjectNode().put("type", type).toString());
    }

    /** Waits for the next frame matching the predicate; frames before it are kept in {@link #seen()}. */
    public JsonNode await(Predicate<JsonNode> match, String what) {
        return await(match, what, WAIT);
    }

    /** As {@link #await(Predicate, String)}, for work that takes longer than a turn (grading in another process). */
    public JsonNode await(Predicate<JsonNode> match, String what, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame;
            try {
                frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
            if (frame == null) {
                throw new AssertionError("No " + what + " within " + wait.toSeconds() + "s; frames so far: " + seen);
            }
            seen.add(frame);
            if (match.test(frame)) {
                return frame;
            }
        }
    }

    public JsonNode awaitType(String type) {
        return await(f -> type.equals(f.path("type").asText()), "'" + type + "' frame");
    }

    /** The next interviewer turn. */
    public JsonNode awaitInterviewerTurn() {
        return await(f -> "turn".equals(f.path("type").asText()) && "interviewer".equals(f.path("role").asText()),
                "interviewer turn");
    }

    /** The acknowledgement (echo) of the answer with this client id. */
    public JsonNode awaitAck(String clientId) {
        return await(f -> "turn".equals(f.path("type").asText()) && clientId.equals(f.path("clientId").asText()),
                "echo of answer " + clientId);
    }

    public List<JsonNode> seen() {
        return seen;
    }

    public Integer closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
        socket.abort();
    }
}
