package dev.mlsdmock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The common part of the fake model servers: a loopback HTTP server that records every request and answers from
 * a script of {@link FakeReply}s, or with a default interviewer turn when the script is empty. Subclasses write
 * the provider's exact wire format.
 */
public abstract class FakeModelServer {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Queue<FakeReply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile Function<JsonNode, FakeReply> defaultReply = body -> FakeReply.words(
            "Okay. Fake interviewer turn " + served.get() + ": what would you look at next?");

    protected FakeModelServer(String path) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-model");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(path, this::handle);
        server.start();
    }

    protected int port() {
        return server.getAddress().getPort();
    }

    /** Replies for the next requests, in order; afterwards the default turn again. */
    public void enqueue(FakeReply... replies) {
        script.addAll(List.of(replies));
    }

    public void defaultReply(Function<JsonNode, FakeReply> reply) {
        this.defaultReply = reply;
    }

    /** Forgets the script and the recorded requests, so each test starts from a clean fake. */
    public void reset() {
        script.clear();
        requests.clear();
        defaultReply = body -> FakeReply.words("Okay. Fake interviewer turn " + served.get() + ": what would you look at next?");
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    public Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("The fake model received no request");
        }
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Recorded(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), body));
            served.incrementAndGet();
            FakeReply reply = script.poll();
            if (reply == null) {
                reply = defaultReply.apply(body);
            }
            if (reply.status() != 200) {
                byte[] error = errorBody(reply.status()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", contentType());
            // A cut stream announces more bytes than it sends, so the client sees the connection break mid-response.
            exchange.sendResponseHeaders(200, reply.cut() ? 1_000_000 : 0);
            OutputStream out = exchange.getResponseBody();
            FakeReply.pause(reply.firstTokenDelay());
            for (int i = 0; i < reply.pieces().size(); i++) {
                write(out, piece(body, reply.pieces().get(i), i == 0));
                if (i == 0) {
                    FakeReply.pause(reply.stallAfterFirst());
                }
            }
            if (reply.cut()) {
                out.flush();
                return; // closing the exchange with bytes missing drops the connection
            }
            for (String line : end(body, reply)) {
                write(out, line);
            }
        } catch (IOException e) {
            // the client went away (a timeout on its side): nothing to answer
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Rough token counts, so usage is deterministic: one token per 4 characters of the request's messages. */
    protected static int promptTokens(JsonNode body) {
        int chars = 0;
        for (JsonNode m : body.path("messages")) {
            chars += m.path("content").asText().length();
        }
        return Math.max(1, chars / 4);
    }

    protected abstract String contentType();

    protected abstract String piece(JsonNode request, String text, boolean first);

    protected abstract List<String> end(JsonNode request, FakeReply reply);

    protected abstract String errorBody(int status);

    /** One request the application sent: path, Authorization header and JSON body. */
    public record Recorded(String path, String authorization, JsonNode body) {

        public List<JsonNode> messages() {
            List<JsonNode> out = new ArrayList<>();
            body.path("messages").forEach(out::add);
            return out;
        }

        public String system() {
            return messages().stream().filter(m -> "system".equals(m.path("role").asText())).findFirst()
                    .map(m -> m.path("content").asText()).orElseThrow(() -> new AssertionError("No system message in " + body));
        }

        /** The messages after the system message, as role: content. */
        public List<Map.Entry<String, String>> conversation() {
            return messages().stream().filter(m -> !"system".equals(m.path("role").asText()))
                    .map(m -> Map.entry(m.path("role").asText(), m.path("content").asText())).toList();
        }
    }
}
