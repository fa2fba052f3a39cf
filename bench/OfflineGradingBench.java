import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.GradingDefaults;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.ScorecardBuilder;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.grading.offline.OfflineGrader;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Offline grading time of a 45-minute transcript (see bench/RESULTS.md for how to run it and the numbers).
 * The transcript is the strong ad-click-prediction calibration answer said three times over, with the sentences
 * reworded each time so no embedding is served from a cache: about 3,300 candidate words in 21 candidate turns,
 * roughly what a candidate says in 45 minutes. The model is loaded and the rubric's reference phrases embedded
 * once before timing (the server does that at start-up); each timed run embeds all candidate sentences afresh.
 */
public class OfflineGradingBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Rubric rubric = new RubricParser().parse("rubrics/ad-click-prediction.yaml",
                Files.readString(Path.of("rubrics/ad-click-prediction.yaml")));
        JsonNode turns = new YAMLMapper().readTree(Path.of("src/test/resources/calibration/ad-click-prediction/strong.yaml").toFile()).get("turns");
        String[] openers = {"", "To recap, ", "Going deeper, "};
        List<Transcript.Line> lines = new ArrayList<>();
        int words = 0;
        for (int round = 0; round < 3; round++) {
            for (JsonNode t : turns) {
                Role role = Role.valueOf(t.get("role").asText().toUpperCase(Locale.ROOT));
                String text = t.get("text").asText();
                if (role == Role.CANDIDATE) {
                    String opener = openers[round];
                    text = Arrays.stream(text.split("\n")).map(s -> s.isBlank() ? s : opener + s).reduce((a, b) -> a + "\n" + b).orElse(text);
                    words += text.split("\\s+").length;
                }
                lines.add(new Transcript.Line(lines.size() + 1, role, Stage.CLARIFY, text));
            }
        }
        Transcript transcript = new Transcript(lines);
        long candidateTurns = lines.stream().filter(l -> l.role() == Role.CANDIDATE).count();

        SentenceEmbedder embedder = new SentenceEmbedder();
        int threads = Runtime.getRuntime().availableProcessors(); // what the server uses (grading.embedding-threads=0)
        OfflineGrader grader = new OfflineGrader(embedder, GradingDefaults.MATCH_THRESHOLD, GradingDefaults.EMBEDDING_MODEL, threads);
        long t0 = System.nanoTime();
        grader.grade(rubric, new Transcript(lines.subList(0, 2))); // loads the model and embeds the rubric phrases
        long warmUp = System.nanoTime() - t0;
        for (int i = 0; i < 3; i++) {
            grader.grade(rubric, transcript); // JIT warm-up
        }
        // Wall time depends on what else the machine runs; the process CPU time (all threads, ONNX Runtime's
        // included) does not, and divided by the 2 cores it bounds the wall time of an otherwise idle machine.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] ms = new long[runs];
        long[] cpuMs = new long[runs];
        Scorecard card = null;
        for (int i = 0; i < runs; i++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            card = ScorecardBuilder.build(UUID.randomUUID(), UUID.randomUUID(), rubric, Level.SENIOR, transcript,
                    grader.grade(rubric, transcript), null, Instant.now());
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            cpuMs[i] = (os.getProcessCpuTime() - cpu) / 1_000_000;
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        System.out.printf("load average during the run: %.2f%n", os.getSystemLoadAverage());
        System.out.printf("processors=%d turns=%d candidate-turns=%d candidate-words=%d runs=%d%n",
                Runtime.getRuntime().availableProcessors(), lines.size(), candidateTurns, words, runs);
        System.out.printf("model load + rubric phrases: %d ms (once per process)%n", warmUp / 1_000_000);
        System.out.printf("grade 45-minute transcript: median %d ms, p90 %d ms, max %d ms (overall %d, %s)%n",
                ms[runs / 2], ms[(int) Math.ceil(runs * 0.9) - 1], ms[runs - 1], card.overall(), card.recommendation());
        System.out.printf("process CPU time per grading: median %d ms, p90 %d ms%n", cpuMs[runs / 2],
                cpuMs[(int) Math.ceil(runs * 0.9) - 1]);
    }
}
