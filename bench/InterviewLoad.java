import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N simulated candidates over real WebSockets against a running application: each signs in (HTTP Basic), creates
 * an interview, connects, waits for the opening, then answers A times with a think time between answers. Measures
 * answer sent -> first interviewer frame (delta or turn) and answer sent -> the interviewer's stored turn, and
 * prints p50/p99/max, errors by kind and the server's RSS (VmRSS of --pid) before, at full load and after.
 *
 *   java bench/InterviewLoad.java --base=http://127.0.0.1:8080 --candidates=1000 --think=20 --answers=6 \
 *        --ramp=120 --accounts=50 --pid=$(pgrep -f quarkus-run.jar)
 *   --hold=60                keep each socket open (idle) that long after the last answer (idle-socket memory)
 *   --fake-model=18080,300   also serve a fake OpenAI-compatible streaming model on :18080 (first token after
 *                            300 ms, then 20 tokens 10 ms apart); start the app with INTERVIEWER_LLM=openai pointing at it.
 * JDK only; see bench/RESULTS.md for the commands used and the figures.
 */
public class InterviewLoad {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"");
    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\w+)\"");
    static final String PASSWORD = "bench-password-1";
    static final String[] ANSWERS = {
            "Who are the users and what is the business goal? I would optimise for long-term engagement, not clicks.",
            "I'd frame it as a ranking problem: predict the probability of a click and order candidates by expected value.",
            "For data I would log impressions and clicks, join them with a delay window, and watch for position bias.",
            "A two-tower retrieval model first, then a gradient boosted or deep ranking model on a few hundred candidates.",
            "Offline I would track AUC and calibration; online an A/B test on engagement with guardrails on latency.",
            "Serving needs p99 under 100 ms, so features come from a low-latency store and the ranker runs on CPU.",
            "I would monitor feature drift, prediction distribution and the click-through rate per segment, with alerts."};

    final Map<String, String> opts = new ConcurrentHashMap<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    final List<Long> firstWords = Collections.synchronizedList(new ArrayList<>());
    final List<Long> replies = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    final AtomicInteger connected = new AtomicInteger();
    volatile int total;

    public static void main(String[] args) throws Exception {
        InterviewLoad load = new InterviewLoad();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            load.opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        load.run();
        System.exit(0);
    }

    String opt(String name, String fallback) {
        return opts.getOrDefault(name, fallback);
    }

    void run() throws Exception {
        if (opts.containsKey("fake-model")) {
            String[] p = opt("fake-model", "").split(",");
            startFakeModel(Integer.parseInt(p[0]), Long.parseLong(p[1]));
        }
        String base = opt("base", "http://127.0.0.1:8080");
        int n = Integer.parseInt(opt("candidates", "100"));
        int answers = Integer.parseInt(opt("answers", "6"));
        double think = Double.parseDouble(opt("think", "20"));
        double ramp = Double.parseDouble(opt("ramp", String.valueOf(Math.max(10, n / 10))));
        int accounts = Integer.parseInt(opt("accounts", String.valueOf(Math.max(1, n / 20))));
        System.out.printf("candidates %d, answers %d, think %.0f s, ramp %.0f s, accounts %d, RSS before %s%n",
                n, answers, think, ramp, accounts, rss());
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String user = "load" + run + i;
            send("POST", base + "/api/accounts", null, "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            users.add(user);
        }
        total = n;
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String user = users.get(i % accounts);
            long at = (long) (i * ramp * 1000 / n);
            timer.schedule(() -> new Thread(() -> candidate(base, user, answers, think, done)).start(), at, TimeUnit.MILLISECONDS);
        }
        done.await();
        System.out.printf("finished in %.0f s, RSS after %s%n", (System.nanoTime() - start) / 1e9, rss());
        report("answer -> first interviewer frame", firstWords);
        report("answer -> interviewer turn", replies);
        System.out.println("errors: " + (errors.isEmpty() ? "none" : errors));
    }

    /** One candidate, on its own platform thread: a few hundred KB of stack, not part of what the server uses. */
    void candidate(String base, String user, int answers, double think, CountDownLatch done) {
        try {
            String body = send("POST", base + "/api/interviews", user, "{\"problemId\":\"ad-click-prediction\"}");
            String id = match(ID, body);
            Frames frames = new Frames();
            WebSocket ws = connect(base, user, id, frames);
            frames.next("turn", 60);
            if (connected.incrementAndGet() == total) {
                System.out.printf("all %d sockets open (opening received), RSS %s%n", total, rss());
            }
            for (int i = 0; i < answers; i++) {
                long pause = (long) (think * 1000 * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
                Thread.sleep(pause); // the candidate's think time
                frames.clear();
                String clientId = UUID.randomUUID().toString();
                long sent = System.nanoTime();
                ws.sendText("{\"type\":\"answer\",\"clientId\":\"" + clientId + "\",\"text\":\"" + ANSWERS[i % ANSWERS.length] + "\"}", true).join();
                boolean first = true;
                int seen = 0;
                while (true) {
                    String f = frames.take(60);
                    String type = match(TYPE, f);
                    if (type.equals("error")) {
                        errors.computeIfAbsent("frame:" + match(CODE, f), k -> new AtomicInteger()).incrementAndGet();
                        break;
                    }
                    if (type.equals("turn") && f.contains(clientId)) {
                        continue; // the echo of the answer
                    }
                    if (first && (type.equals("delta") || type.equals("turn"))) {
                        firstWords.add(System.nanoTime() - sent);
                        first = false;
                    }
                    if (type.equals("turn")) {
                        replies.add(System.nanoTime() - sent);
                        break;
                    }
                    if (type.equals("ended") || ++seen > 500) {
                        break;
                    }
                }
            }
            Thread.sleep((long) (1000 * Double.parseDouble(opt("hold", "0")))); // keep the socket open, idle
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
            connected.decrementAndGet();
        } catch (Exception e) {
            String kind = e.getMessage() != null && e.getMessage().startsWith("HTTP ") ? e.getMessage().substring(0, 8)
                    : e.getClass().getSimpleName();
            errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        } finally {
            done.countDown();
        }
    }

    /** Connects like the browser does: a 503 (server busy) is retried after its Retry-After, up to 10 times. */
    WebSocket connect(String base, String user, String id, Frames frames) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return http.newWebSocketBuilder().header("Authorization", basic(user)).connectTimeout(Duration.ofSeconds(60))
                        .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/ws/interviews/" + id), frames)
                        .get(90, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                    int status = h.getResponse().statusCode();
                    if (status == 503 && attempt < 10) {
                        errors.computeIfAbsent("WS 503 (retried)", k -> new AtomicInteger()).incrementAndGet();
                        Thread.sleep(1000L * Integer.parseInt(h.getResponse().headers().firstValue("Retry-After").orElse("1")));
                        continue;
                    }
                    throw new IllegalStateException("HTTP " + status + " WS upgrade");
                }
                throw e;
            }
        }
    }

    String send(String method, String url, String user, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503 && attempt < 10) {
                errors.computeIfAbsent("HTTP 503 (retried)", k -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(1000L * Integer.parseInt(r.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + r.statusCode() + " " + url);
            }
            return r.body();
        }
    }

    void report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        if (s.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%-36s n=%d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", what, s.size(),
                s.get(s.size() / 2) / 1e6, s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)) / 1e6,
                s.get(s.size() - 1) / 1e6);
    }

    String rss() {
        String pid = opts.get("pid");
        if (pid == null) {
            return "n/a (no --pid)";
        }
        try {
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .findFirst().map(l -> l.replaceAll("\\s+", " ").substring(7)).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    /** Collects whole text frames of one socket. */
    static final class Frames implements WebSocket.Listener {
        private final java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        String take(int seconds) throws Exception {
            String f = queue.poll(seconds, TimeUnit.SECONDS);
            if (f == null) {
                throw new java.util.concurrent.TimeoutException("no frame within " + seconds + " s");
            }
            return f;
        }

        void next(String type, int seconds) throws Exception {
            while (!match(TYPE, take(seconds)).equals(type)) {
                // stage frame and replayed turns before the opening
            }
        }

        void clear() {
            queue.clear();
        }
    }

    /** A fake OpenAI-compatible streaming model with a fixed time to first token. */
    static void startFakeModel(int port, long firstTokenMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1000);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> stream(exchange, firstTokenMs));
        server.start();
    }

    static void stream(HttpExchange exchange, long firstTokenMs) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            Thread.sleep(firstTokenMs);
            String[] words = "Okay. Suppose the traffic doubles overnight: which part of your design breaks first?".split("(?<= )");
            for (String w : words) {
                out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"" + w + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(10);
            }
            out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                    + "\"model\":\"bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + body.length() / 4 + ",\"completion_tokens\":"
                    + words.length + ",\"total_tokens\":1}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
