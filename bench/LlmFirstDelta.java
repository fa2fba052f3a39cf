import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to first delta: how much the server adds between the model's first token and the client's first
 * {@code delta} frame, and between the candidate's answer and the model request. Then a kill -9 check: the server
 * is killed mid-interview, restarted, and the next model request must carry the whole stored transcript.
 *
 * Runs the packaged application (target/quarkus-app) against a fake OpenAI-compatible streaming server in this
 * process, so both ends use one clock. Usage (see bench/RESULTS-llm.md):
 *   ./mvnw -B package -DskipTests && java bench/LlmFirstDelta.java [turns] [model-first-token-ms]
 * Database: DB_URL / DB_USER / DB_PASSWORD (default: the local PostgreSQL database test_llm).
 */
public class LlmFirstDelta {

    static final int WARM_UP = Integer.getInteger("warmup", 3);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");

    // Written by the fake model: when each request arrived and when its first token was flushed (System.nanoTime).
    static final List<long[]> modelTimes = new CopyOnWriteArrayList<>();
    static final List<String> modelBodies = new CopyOnWriteArrayList<>();
    static volatile long firstTokenDelayMs = 200;
    static final String SESSION_KEY = UUID.randomUUID() + "-" + UUID.randomUUID();

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        firstTokenDelayMs = args.length > 1 ? Long.parseLong(args[1]) : 200;
        HttpServer fake = startFakeModel();
        int appPort = freePort();
        String base = "http://127.0.0.1:" + appPort;
        Process app = startApp(appPort, fake.getAddress().getPort());
        try {
            awaitReady(base);
            String user = "bench" + UUID.randomUUID().toString().substring(0, 8);
            post(base + "/api/accounts", null, "{\"username\":\"" + user + "\",\"password\":\"bench-password-1\"}");
            String created = post(base + "/api/interviews", user, "{\"problemId\":\"news-feed\",\"interviewer\":\"llm\"}");
            String interviewId = match(ID, created);

            List<Long> added = new ArrayList<>();
            List<Long> beforeModel = new ArrayList<>();
            List<Long> answerToFirstDelta = new ArrayList<>();
            try (Client ws = new Client(URI.create("ws://127.0.0.1:" + appPort + "/ws/interviews/" + interviewId), user)) {
                ws.awaitTurn(); // the opening
                for (int i = 0; i < WARM_UP + turns; i++) {
                    int before = modelTimes.size();
                    long sent = System.nanoTime();
                    ws.send("{\"type\":\"answer\",\"clientId\":\"b" + i + "\",\"text\":\"For this step I would think about "
                            + "the scale, the latency budget and the trade-off between freshness and cost, answer " + i + ".\"}");
                    long firstDelta = ws.awaitFirstDelta();
                    ws.awaitTurn();
                    long[] model = modelTimes.get(before);
                    if (i < WARM_UP) {
                        continue; // the first calls load classes and the embedding model: not the steady state
                    }
                    added.add(firstDelta - model[1]);
                    beforeModel.add(model[0] - sent);
                    answerToFirstDelta.add(firstDelta - sent);
                }
            }
            System.out.printf("measured turns: %d (after %d warm-up turns), fake model's first token after %d ms%n", turns, WARM_UP, firstTokenDelayMs);
            report("model first token -> client first delta", added);
            report("answer sent -> model request received", beforeModel);
            report("answer sent -> client first delta", answerToFirstDelta);

            // kill -9 in the middle of the interview, start again, and continue the same conversation.
            int stored = 2 * (WARM_UP + turns) + 1;
            app.destroyForcibly().waitFor(); // SIGKILL: nothing is flushed or shut down cleanly
            app = startApp(appPort, fake.getAddress().getPort());
            awaitReady(base);
            try (Client ws = new Client(URI.create("ws://127.0.0.1:" + appPort + "/ws/interviews/" + interviewId), user)) {
                ws.send("{\"type\":\"answer\",\"clientId\":\"after-kill\",\"text\":\"After the restart: I would shard the feature store.\"}");
                ws.awaitTurn(stored + 2); // after the replayed transcript and the echo of the answer
            }
            String last = modelBodies.get(modelBodies.size() - 1);
            int fenced = last.split(Pattern.quote("<candidate_answer>\\n"), -1).length - 1; // fences in the messages, not the system prompt
            boolean ok = fenced == WARM_UP + turns + 1 && last.contains("answer " + (WARM_UP + turns - 1)) && last.contains("After the restart");
            System.out.printf("kill -9 and restart: the next model request carried %d candidate turns of %d (stored turns before the kill: %d) -> %s%n",
                    fenced, WARM_UP + turns + 1, stored, ok ? "memory rebuilt" : "MEMORY LOST");
            if (!ok) {
                System.exit(1);
            }
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            fake.stop(0);
        }
    }

    static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-42s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms%n", what,
                ms(sorted.get(sorted.size() / 2)), ms(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)), ms(sorted.get(sorted.size() - 1)));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static Process startApp(int port, int modelPort) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        Map<String, String> env = pb.environment();
        env.put("PORT", String.valueOf(port));
        env.put("INTERVIEWER_LLM", "openai");
        env.put("QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL", "http://127.0.0.1:" + modelPort + "/v1/");
        env.put("QUARKUS_LANGCHAIN4J_OPENAI_API_KEY", "sk-bench");
        env.putIfAbsent("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test_llm");
        env.putIfAbsent("DB_USER", "postgres");
        // Production mode refuses to start without a session key; both starts (before and after the kill) share one.
        env.putIfAbsent("SESSION_ENCRYPTION_KEY", SESSION_KEY);
        pb.redirectOutput(Path.of("target", "bench-app.log").toFile()).redirectErrorStream(true);
        return pb.start();
    }

    static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200); // polling a starting process; nothing measured here
        }
        throw new IllegalStateException("The application did not become ready; see target/bench-app.log");
    }

    static String post(String url, String user, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":bench-password-1").getBytes(StandardCharsets.UTF_8));
    }

    static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No " + p + " in " + text);
        }
        return m.group(1);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A fake OpenAI-compatible model: first token after firstTokenDelayMs, then 20 tokens 10 ms apart. */
    static HttpServer startFakeModel() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", LlmFirstDelta::stream);
        server.start();
        return server;
    }

    static void stream(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        modelBodies.add(body);
        long[] times = {received, 0};
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            sleep(firstTokenDelayMs);
            String[] words = "Okay. Suppose the traffic doubles overnight: which part of your design breaks first, and how would you know?".split("(?<= )");
            for (int i = 0; i < words.length; i++) {
                String chunk = "data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"" + words[i] + "\"},\"finish_reason\":null}]}\n\n";
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (i == 0) {
                    times[1] = System.nanoTime();
                    modelTimes.add(times);
                }
                sleep(10);
            }
            out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":" + body.length() / 4 + ",\"completion_tokens\":" + words.length + ",\"total_tokens\":1}}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms); // the fake model's own latency
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A WebSocket client that timestamps every frame on arrival. */
    static final class Client implements AutoCloseable {
        private final WebSocket socket;
        private final BlockingQueue<Map.Entry<Long, String>> frames = new LinkedBlockingQueue<>();
        private final Map<Integer, Boolean> seenSeq = new ConcurrentHashMap<>();

        Client(URI uri, String user) {
            StringBuilder partial = new StringBuilder();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", basic(user))
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                frames.add(Map.entry(System.nanoTime(), partial.toString()));
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).join();
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        long awaitFirstDelta() throws InterruptedException {
            while (true) {
                Map.Entry<Long, String> f = next();
                if (f.getValue().contains("\"type\":\"delta\"")) {
                    int seq = Integer.parseInt(match(SEQ, f.getValue()));
                    if (seenSeq.putIfAbsent(seq, true) == null) {
                        return f.getKey();
                    }
                }
                if (f.getValue().contains("\"type\":\"error\"")) {
                    throw new IllegalStateException("error frame: " + f.getValue());
                }
            }
        }

        void awaitTurn() throws InterruptedException {
            awaitTurn(-1);
        }

        /** The next interviewer turn, or with seq >= 0 the interviewer turn with that seq. */
        void awaitTurn(int seq) throws InterruptedException {
            while (true) {
                String f = next().getValue();
                if (f.contains("\"type\":\"turn\"") && f.contains("\"role\":\"interviewer\"")
                        && (seq < 0 || Integer.parseInt(match(SEQ, f)) == seq)) {
                    return;
                }
                if (f.contains("\"type\":\"error\"")) {
                    throw new IllegalStateException("error frame: " + f);
                }
            }
        }

        private Map.Entry<Long, String> next() throws InterruptedException {
            Map.Entry<Long, String> f = frames.poll(60, TimeUnit.SECONDS);
            if (f == null) {
                throw new IllegalStateException("No frame within 60 s");
            }
            return f;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
    }
}
