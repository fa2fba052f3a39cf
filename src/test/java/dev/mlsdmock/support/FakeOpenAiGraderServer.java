package dev.mlsdmock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible provider for the LLM grader, on loopback: answers {@code POST /v1/chat/completions}
 * with a non-streaming JSON chat completion, exactly as the OpenAI API does, and records every request so tests
 * can assert on what the application sent. It grades like a (deterministic) model would: it reads the criterion
 * ids from the request and gives each a score from a per-criterion sequence over the samples, quoting the first
 * sentence of the first candidate turn in the fenced transcript as evidence. It can also fail (HTTP 500) or
 * invent a quote for one criterion.
 *
 * <p>Use it with {@code @QuarkusTestResource(value = FakeOpenAiGraderServer.Resource.class, restrictToAnnotatedClass = true)}
 * and a field of this type in the test, which the resource fills in.
 */
public final class FakeOpenAiGraderServer implements AutoCloseable {

    public static final String MODEL = "fake-grader-model";
    private static final Pattern CRITERION = Pattern.compile("(?m)^- id: ([a-z0-9-]+) \\(weight");
    private static final Pattern FIRST_CANDIDATE = Pattern.compile("\\[seq (\\d+)] candidate:\\n([^\\n]+)");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> callsPerCriterion = new ConcurrentHashMap<>();
    private volatile int[] scoreSequence = {2, 2, 2};
    /** Named in every error body, as a real provider's gateway may name its upstream: it must never reach a user. */
    public static final String INTERNAL_HOST = "grader-upstream.corp.internal:9443";
    private volatile int failingStatus;
    private volatile String inventQuoteFor;
    private volatile boolean judging;

    public FakeOpenAiGraderServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }

    /** Scores given to each criterion on its 1st, 2nd, 3rd... call (cycling). */
    public void scores(int... sequence) {
        this.scoreSequence = sequence.clone();
    }

    /** Answer every request with HTTP 500, as a broken provider would. */
    public void failing(boolean failing) {
        this.failingStatus = failing ? 500 : 0;
    }

    /** Answer every request with this HTTP status and an error body that names an internal host. */
    public void failingWith(int status) {
        this.failingStatus = status;
    }

    /** Cite a quote the candidate never said for this criterion (null: never). */
    public void inventQuoteFor(String criterionId) {
        this.inventQuoteFor = criterionId;
    }

    /** Grade like a (crude) model reading the request, {@link FakeGraderJudge}, instead of by the score sequence. */
    public void judging(boolean judging) {
        this.judging = judging;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        requests.clear();
        callsPerCriterion.clear();
        scoreSequence = new int[]{2, 2, 2};
        failingStatus = 0;
        inventQuoteFor = null;
    }

    /** The text of the message with this role in a recorded request. */
    public static String message(JsonNode request, String role) {
        for (JsonNode m : request.path("messages")) {
            if (m.path("role").asText().equals(role)) {
                return m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
            }
        }
        return "";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            if (failingStatus != 0) {
                send(exchange, failingStatus, "{\"error\":{\"message\":\"The server had an error talking to "
                        + INTERNAL_HOST + "\",\"type\":\"server_error\"}}");
                return;
            }
            String user = message(request, "user");
            if (judging) {
                send(exchange, 200, json.writeValueAsString(completion(FakeGraderJudge.verdict(json, user))));
                return;
            }
            Matcher first = FIRST_CANDIDATE.matcher(user);
            int seq = 0;
            String quote = "";
            if (first.find()) {
                seq = Integer.parseInt(first.group(1));
                quote = first.group(2).split("(?<=[.?!])\\s")[0];
            }
            ObjectNode verdict = json.createObjectNode();
            ArrayNode criteria = verdict.putArray("criteria");
            Matcher ids = CRITERION.matcher(user);
            while (ids.find()) {
                String id = ids.group(1);
                int call = callsPerCriterion.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement();
                int score = scoreSequence[call % scoreSequence.length];
                ObjectNode c = criteria.addObject();
                c.put("id", id);
                c.put("score", score);
                c.put("rationale", "Fake verdict " + score + " for " + id + ".");
                ArrayNode evidence = c.putArray("evidence");
                if (score > 0) {
                    ObjectNode e = evidence.addObject();
                    e.put("seq", seq);
                    e.put("quote", id.equals(inventQuoteFor) ? "We would use a quantum ranking engine tuned by hand." : quote);
                }
            }
            send(exchange, 200, json.writeValueAsString(completion(verdict)));
        }
    }

    /** An OpenAI chat completion whose message is the verdict as JSON text. */
    private ObjectNode completion(ObjectNode verdict) throws IOException {
        ObjectNode response = json.createObjectNode();
        response.put("id", "chatcmpl-fake-" + requests.size());
        response.put("object", "chat.completion");
        response.put("created", 1_700_000_000L);
        response.put("model", MODEL);
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", json.writeValueAsString(verdict));
        choice.put("finish_reason", "stop");
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", 100);
        usage.put("completion_tokens", 50);
        usage.put("total_tokens", 150);
        return response;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Starts the fake for a test class and points the grader's OpenAI-compatible model at it. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        FakeOpenAiGraderServer server;

        @Override
        public Map<String, String> start() {
            server = new FakeOpenAiGraderServer();
            return Map.of(
                    "grading.llm", "openai",
                    "grading.samples", samples(),
                    "quarkus.langchain4j.openai.base-url", server.baseUrl(),
                    "quarkus.langchain4j.openai.api-key", "sk-test-not-a-secret",
                    "quarkus.langchain4j.openai.chat-model.model-name", MODEL,
                    "quarkus.langchain4j.openai.timeout", "5s");
        }

        String samples() {
            return "3";
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(server, new TestInjector.MatchesType(FakeOpenAiGraderServer.class));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The fake grading like a crude model ({@link #judging}), one sample per stage: for the calibration harness. */
    public static class JudgingResource extends Resource {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            server.judging(true);
            return config;
        }

        @Override
        String samples() {
            return "1";
        }
    }
}
