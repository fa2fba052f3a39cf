import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 12's figures against a running application (JDK only; bench/RESULTS.md says how to run it):
 * <ul>
 *   <li>{@code --mode=flood}: N wrong passwords for one username at concurrency C from one client address, while a
 *       bystander (another account, another address) keeps asking for its interviews: status counts, whether every
 *       429 carries Retry-After, and the bystander's latency;</li>
 *   <li>{@code --mode=timing}: wrong-password latency for existing and unknown usernames, interleaved, each try from
 *       its own address and username so no limit answers first;</li>
 *   <li>{@code --mode=import}: time to answer an import over the character budget (refused) and one at the budget
 *       (accepted), and what the accepted one says about stage placement.</li>
 * </ul>
 * The app must trust X-Forwarded-For from the bench (PROXY_FORWARDING=true, TRUSTED_PROXIES=127.0.0.1), as behind
 * compose's nginx; each simulated client sends its own address.
 */
public class SecurityBench {

    static final String PASSWORD = "correct-horse-battery";
    final Map<String, String> opts = new ConcurrentHashMap<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    String base;

    public static void main(String[] args) throws Exception {
        SecurityBench b = new SecurityBench();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            b.opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        b.base = b.opts.getOrDefault("base", "http://127.0.0.1:8080");
        switch (b.opts.getOrDefault("mode", "flood")) {
            case "flood" -> b.flood();
            case "timing" -> b.timing();
            case "import" -> b.imports();
            default -> throw new IllegalArgumentException("--mode=flood|timing|import");
        }
        System.exit(0);
    }

    int opt(String name, int fallback) {
        return Integer.parseInt(opts.getOrDefault(name, String.valueOf(fallback)));
    }

    void flood() throws Exception {
        int n = opt("requests", 3000);
        int concurrency = opt("concurrency", 64);
        String run = UUID.randomUUID().toString().substring(0, 6);
        String target = "victim" + run;
        String bystander = "bystander" + run;
        signUp(target, "198.51.100.1");
        signUp(bystander, "198.51.100.2");
        Map<String, AtomicInteger> statuses = new TreeMap<>();
        AtomicInteger missingRetryAfter = new AtomicInteger();
        List<Long> bystanderMs = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> bystanderStatuses = new ConcurrentHashMap<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (flooding.get()) {
                long t = System.nanoTime();
                int status = send(get("/api/interviews", bystander, PASSWORD, "198.51.100.2")).statusCode();
                bystanderMs.add((System.nanoTime() - t) / 1_000_000);
                bystanderStatuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        watcher.start();
        for (int i = 0; i < n; i++) {
            pool.submit(() -> {
                HttpResponse<String> r = send(get("/api/accounts/me", target, "wrong-" + UUID.randomUUID(), "203.0.113.7"));
                synchronized (statuses) {
                    statuses.computeIfAbsent(String.valueOf(r.statusCode()), k -> new AtomicInteger()).incrementAndGet();
                }
                if (r.statusCode() == 429 && r.headers().firstValue("Retry-After").isEmpty()) {
                    missingRetryAfter.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        flooding.set(false);
        watcher.join();
        System.out.printf("flood: %d wrong passwords at concurrency %d in %.1f s; statuses %s; 429 without Retry-After: %d%n",
                n, concurrency, (System.nanoTime() - start) / 1e9, statuses, missingRetryAfter.get());
        System.out.printf("bystander: %d requests, statuses %s, %s%n", bystanderMs.size(), bystanderStatuses, stats(bystanderMs));
    }

    void timing() throws Exception {
        int accounts = opt("accounts", 50);
        int tries = opt("tries", 4); // per existing account; the username limit allows 5 failures at once
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            existing.add("known" + run + i);
            signUp(existing.get(i), "198.51.101." + (i % 250));
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        AtomicInteger address = new AtomicInteger();
        for (int warm = 0; warm < 10; warm++) {
            send(get("/api/accounts/me", "warm" + warm + run, "wrong", addr(address.incrementAndGet())));
        }
        for (int t = 0; t < tries; t++) {
            for (int i = 0; i < accounts; i++) {
                known.add(wrongLogin(existing.get(i), addr(address.incrementAndGet())));
                unknown.add(wrongLogin("nobody" + run + "x" + t + "x" + i, addr(address.incrementAndGet())));
            }
        }
        System.out.printf("existing usernames: %s%nunknown usernames:  %s%n", stats(known), stats(unknown));
        System.out.printf("difference of medians: %d ms, of p95: %d ms%n",
                Math.abs(pct(known, 50) - pct(unknown, 50)), Math.abs(pct(known, 95) - pct(unknown, 95)));
    }

    long wrongLogin(String username, String address) {
        long t = System.nanoTime();
        HttpResponse<String> r = send(get("/api/accounts/me", username, "wrong-password", address));
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (r.statusCode() != 401) {
            throw new IllegalStateException("expected 401 for " + username + ", got " + r.statusCode() + " " + r.body());
        }
        return ms;
    }

    void imports() throws Exception {
        int runs = opt("runs", 5);
        int budget = opt("max-chars", 60_000);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Long> refused = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        Map<String, AtomicInteger> placement = new TreeMap<>();
        for (int i = 0; i < runs; i++) {
            String user = "importer" + run + i; // one account per run: the allowance is 10 at once per account
            signUp(user, "198.51.102." + i);
            send(get("/api/accounts/me", user, PASSWORD, "198.51.102." + i)); // the login's bcrypt is not an import's cost
            long t = System.nanoTime();
            HttpResponse<String> r = send(post("/api/interviews/import", user, transcript(budget + 1, i)));
            refused.add((System.nanoTime() - t) / 1_000_000);
            require(r, 400, "transcript_too_long");
            t = System.nanoTime();
            r = send(post("/api/interviews/import", user, transcript(budget, i)));
            accepted.add((System.nanoTime() - t) / 1_000_000);
            require(r, 201, "\"placement\"");
            String p = r.body().replaceAll(".*\"placement\":\"([a-z]+)\".*", "$1");
            placement.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet();
        }
        System.out.printf("over the budget (%d chars), refused: %s%n", budget + 1, stats(refused));
        System.out.printf("at the budget (%d chars), accepted: %s; placement %s%n", budget, stats(accepted), placement);
    }

    /** A transcript of exactly {@code chars} characters: interviewer questions and candidate answers about ads. */
    static String transcript(int chars, int variant) {
        String answer = "I would predict the click probability with a gradient boosted model on user, ad and context "
                + "features, calibrate it, and evaluate with log loss offline and an A/B test on revenue online. ";
        StringBuilder turns = new StringBuilder();
        int left = chars;
        for (int i = 0; left > 0; i++) {
            boolean candidate = i % 2 == 1;
            String text = candidate ? ("Take " + variant + "." + i + ": " + answer.repeat(8)) : "What would you do next, " + i + "?";
            text = text.substring(0, Math.min(text.length(), Math.min(left, 15_000)));
            left -= text.length();
            turns.append(turns.length() == 0 ? "" : ",").append("{\"role\":\"").append(candidate || left == 0 ? "candidate" : "interviewer")
                    .append("\",\"text\":\"").append(text).append("\"}");
        }
        return "{\"problemId\":\"ad-click-prediction\",\"turns\":[" + turns + "]}";
    }

    static void require(HttpResponse<String> r, int status, String contains) {
        if (r.statusCode() != status || !r.body().contains(contains)) {
            throw new IllegalStateException("expected " + status + " with " + contains + ", got " + r.statusCode() + " " + r.body());
        }
    }

    static String addr(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    void signUp(String username, String address) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")));
        require(r, 201, username);
    }

    HttpRequest.Builder get(String path, String user, String password, String address) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, password))
                .header("X-Forwarded-For", address).GET();
    }

    HttpRequest.Builder post(String path, String user, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, PASSWORD))
                .header("Content-Type", "application/json").header("X-Requested-With", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String stats(List<Long> ms) {
        return String.format("n=%d median %d ms, p95 %d ms, max %d ms", ms.size(), pct(ms, 50), pct(ms, 95), pct(ms, 100));
    }
}
