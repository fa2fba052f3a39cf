package dev.mlsdmock.grading;

import dev.mlsdmock.coverage.Keywords;
import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.coverage.Sentences;
import dev.mlsdmock.grading.Scorecard.Evidence;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Criterion;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Grades a transcript without any network: every candidate sentence is embedded once with the in-process model
 * and compared with the example phrasings of each criterion's rubric signals. A matching sentence earns credit in
 * proportion to the reasoning around it ({@link Substance}); a bare list of the right terms earns only the lowest
 * credit, and sentences addressed to the grader earn nothing. Deterministic: the same transcript always yields
 * the same grade.
 */
public class OfflineGrader {

    /**
     * How much a matched signal is worth: a term in a bare list almost nothing (below the weak band on its own),
     * a statement a base, and the rest is earned by reasoning around it (0-3 points).
     */
    private static final double MENTION_CREDIT = 0.1;
    private static final double MATCH_BASE = 0.35;
    private static final int MAX_QUOTES = 3;
    /** Added to a sentence's similarity to the signals of the stage it was said in. */
    private static final double STAGE_BONUS = 0.15;
    /** A sentence counts for a signal only within this much of its best-matching signal. */
    private static final double COMPETING_MARGIN = 0.08;
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{3,}");
    private static final Set<String> COMMON = Set.of("that", "this", "with", "from", "they", "their", "them", "have",
            "will", "would", "about", "which", "what", "when", "where", "than", "then", "there", "these", "those", "into",
            "only", "also", "each", "every", "more", "most", "some", "such", "other", "over", "under", "after", "before",
            "must", "should", "could", "within", "without", "around", "because", "while", "being", "been", "were",
            "does", "done", "make", "made", "need", "needs", "user", "users", "data", "model", "system", "design",
            "time", "many", "much", "very", "well", "good", "help", "used", "using", "uses", "like", "just");

    /** Below this many sentences, splitting the embedding work costs more than it saves. */
    private static final int MIN_SENTENCES_PER_THREAD = 8;

    private final SentenceEmbedder embedder;
    private final double matchThreshold;
    private final String label;
    private final int threads;
    private final ExecutorService pool;

    /** A grader that embeds on the calling thread only. */
    public OfflineGrader(SentenceEmbedder embedder, double matchThreshold, String modelName) {
        this(embedder, matchThreshold, modelName, 1);
    }

    /**
     * @param matchThreshold cosine similarity from which a sentence counts as showing a signal
     * @param modelName      the embedding model, shown in the grader label {@code offline:<model>}
     * @param threads        how many threads embed a transcript's sentences in parallel (embedding is nearly all
     *                       of the work; each sentence is embedded on its own, so the result does not depend on it)
     */
    public OfflineGrader(SentenceEmbedder embedder, double matchThreshold, String modelName, int threads) {
        this.embedder = embedder;
        this.matchThreshold = matchThreshold;
        this.label = "offline:" + modelName;
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "offline-grader-embedding");
            t.setDaemon(true);
            return t;
        });
    }

    public String label() {
        return label;
    }

    public Grade grade(Rubric rubric, Transcript transcript) {
        List<Flag> flags = new ArrayList<>();
        List<Unit> units = units(transcript, flags);
        List<float[]> vectors = embed(units.stream().map(Unit::sentence).toList());
        Set<String> problemTerms = problemTerms(rubric);

        Map<String, Match> bestBySignal = new LinkedHashMap<>();
        // turn seq -> indexes of its sentences that matched some signal but were only a list of terms
        Map<Integer, Set<Integer>> bareMatches = new java.util.TreeMap<>();
        Map<String, double[]> scores = signalScores(rubric, units, vectors);
        double[] top = topScores(units.size(), scores.values());
        for (Criterion criterion : rubric.allCriteria()) {
            for (String signalId : criterion.signals()) {
                Signal signal = rubric.signal(signalId).orElseThrow();
                double[] signalScores = scores.get(signalId);
                Match best = null;
                for (int i = 0; i < units.size(); i++) {
                    Unit u = units.get(i);
                    double similarity = signalScores[i];
                    // A sentence is evidence for the signals it is closest to, not for everything it vaguely
                    // resembles: otherwise one sentence rich in numbers would be the best evidence everywhere.
                    boolean close = similarity >= matchThreshold && similarity >= top[i] - COMPETING_MARGIN;
                    boolean keyword = u.stage() == stageOf(rubric, signalId)
                            && signal.keywords().stream().anyMatch(k -> Keywords.contains(u.normalised(), k));
                    if (!close && !keyword) {
                        continue;
                    }
                    Substance substance = Substance.of(u.sentence(), u.context(), problemTerms);
                    if (substance.bareList()) {
                        bareMatches.computeIfAbsent(u.seq(), k -> new TreeSet<>()).add(u.index());
                    }
                    Match m = new Match(u, similarity, substance, credit(substance));
                    if (best == null || m.better(best)) {
                        best = m;
                    }
                }
                if (best != null) {
                    bestBySignal.put(signalId, best);
                }
            }
        }
        bareMatches.forEach((seq, sentences) -> {
            if (sentences.size() >= 2) {
                flags.add(new Flag("keyword-list", seq, sentences.size() + " sentences list rubric terms without "
                        + "reasoning; a list of terms earns nothing"));
            }
        });

        List<CriterionGrade> grades = new ArrayList<>();
        for (Criterion criterion : rubric.allCriteria()) {
            grades.add(gradeCriterion(rubric, criterion, bestBySignal));
        }
        return new Grade(label, grades, flags, null);
    }

    /**
     * Each sentence's similarity to each signal's examples, plus a small bonus for the signals of the stage the
     * sentence was said in: the same words mean framing in one step and calibration in another.
     */
    private Map<String, double[]> signalScores(Rubric rubric, List<Unit> units, List<float[]> vectors) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (Criterion criterion : rubric.allCriteria()) {
            for (String signalId : criterion.signals()) {
                if (scores.containsKey(signalId)) {
                    continue;
                }
                List<float[]> examples = embedder.embedReferences(rubric.signal(signalId).orElseThrow().examples());
                Stage stage = stageOf(rubric, signalId);
                double[] perUnit = new double[units.size()];
                for (int i = 0; i < units.size(); i++) {
                    perUnit[i] = SentenceEmbedder.bestSimilarity(vectors.get(i), examples) + (units.get(i).stage() == stage ? STAGE_BONUS : 0);
                }
                scores.put(signalId, perUnit);
            }
        }
        return scores;
    }

    private static double[] topScores(int units, java.util.Collection<double[]> scores) {
        double[] top = new double[units];
        for (double[] perUnit : scores) {
            for (int i = 0; i < units; i++) {
                top[i] = Math.max(top[i], perUnit[i]);
            }
        }
        return top;
    }

    private static Stage stageOf(Rubric rubric, String signalId) {
        for (Map.Entry<Stage, Rubric.StageRubric> e : rubric.stages().entrySet()) {
            if (e.getValue().signals().stream().anyMatch(sig -> sig.id().equals(signalId))) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("No stage has signal " + signalId);
    }

    /** Embeds in contiguous chunks, one per thread (the calling thread takes the first), keeping the order. */
    private List<float[]> embed(List<String> sentences) {
        int chunks = Math.min(threads, sentences.size() / MIN_SENTENCES_PER_THREAD);
        if (chunks <= 1) {
            return embedder.embed(sentences);
        }
        int size = (sentences.size() + chunks - 1) / chunks;
        List<CompletableFuture<List<float[]>>> rest = new ArrayList<>();
        for (int from = size; from < sentences.size(); from += size) {
            List<String> chunk = sentences.subList(from, Math.min(sentences.size(), from + size));
            rest.add(CompletableFuture.supplyAsync(() -> embedder.embed(chunk), pool));
        }
        List<float[]> vectors = new ArrayList<>(embedder.embed(sentences.subList(0, size)));
        rest.forEach(f -> vectors.addAll(f.join()));
        return vectors;
    }

    private CriterionGrade gradeCriterion(Rubric rubric, Criterion criterion, Map<String, Match> bestBySignal) {
        double sum = 0;
        List<String> strong = new ArrayList<>();
        List<String> thin = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Match> found = new ArrayList<>();
        for (String signalId : criterion.signals()) {
            Match m = bestBySignal.get(signalId);
            if (m == null) {
                missing.add(signalId);
                continue;
            }
            sum += m.credit();
            found.add(m);
            (m.substance().points() >= 2 ? strong : thin).add(signalId + " (" + describe(m.substance()) + ")");
        }
        double value = sum / criterion.signals().size();
        int score = value < 0.15 ? 0 : value < 0.4 ? 1 : value < 0.75 ? 2 : 3;
        List<Evidence> evidence = found.stream()
                .sorted(Comparator.comparingDouble(Match::credit).reversed().thenComparingInt(m -> m.unit().seq()))
                .map(m -> new Evidence(m.unit().seq(), m.unit().sentence()))
                .distinct().limit(MAX_QUOTES).toList();
        StringBuilder rationale = new StringBuilder(criterion.levels().get(score));
        if (!strong.isEmpty()) {
            rationale.append(" Reasoned: ").append(String.join("; ", strong)).append('.');
        }
        if (!thin.isEmpty()) {
            rationale.append(" Thin: ").append(String.join("; ", thin)).append('.');
        }
        if (!missing.isEmpty()) {
            rationale.append(" Not shown: ").append(String.join(", ", missing)).append('.');
        }
        return new CriterionGrade(criterion.id(), score, rationale.toString(), evidence);
    }

    private static double credit(Substance s) {
        return s.bareList() ? MENTION_CREDIT : MATCH_BASE + (1 - MATCH_BASE) * Math.min(s.points(), 3) / 3.0;
    }

    private static String describe(Substance s) {
        if (s.bareList()) {
            return "only listed as a bare term, which earns nothing";
        }
        List<String> parts = new ArrayList<>();
        if (s.reason()) {
            parts.add("a reason");
        }
        if (s.number()) {
            parts.add("numbers");
        }
        if (s.tradeOff()) {
            parts.add("a trade-off");
        }
        if (s.specific()) {
            parts.add("problem specifics");
        }
        return parts.isEmpty() ? "stated without reasoning" : "with " + String.join(", ", parts);
    }

    /** Candidate sentences with their turn and neighbours; sentences addressed to the grader are flagged and dropped. */
    private static List<Unit> units(Transcript transcript, List<Flag> flags) {
        List<Unit> units = new ArrayList<>();
        for (Transcript.Line line : transcript.candidateLines()) {
            List<String> sentences = Sentences.split(line.text());
            List<String> clean = new ArrayList<>();
            String injection = null;
            for (String s : sentences) {
                var detected = InjectionDetector.detect(s);
                if (detected.isPresent()) {
                    injection = injection == null ? detected.get() : injection;
                } else {
                    clean.add(s);
                }
            }
            if (injection != null) {
                flags.add(new Flag("injection", line.seq(), "The turn contains " + injection
                        + "; it was ignored and earns nothing."));
            }
            for (int i = 0; i < clean.size(); i++) {
                String context = clean.get(i) + (i + 1 < clean.size() ? " " + clean.get(i + 1) : "")
                        + (i > 0 ? " " + clean.get(i - 1) : "");
                units.add(new Unit(line.seq(), line.stage(), i, clean.get(i), Keywords.normalise(clean.get(i)), context));
            }
        }
        return units;
    }

    /** Words of the problem statement and its facts: talking about them means talking about this problem. */
    private static Set<String> problemTerms(Rubric rubric) {
        StringBuilder text = new StringBuilder(rubric.title()).append(' ').append(rubric.opening());
        rubric.facts().forEach(f -> text.append(' ').append(f.answer()));
        Set<String> terms = new HashSet<>();
        var m = WORD.matcher(text.toString().toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!COMMON.contains(m.group())) {
                terms.add(m.group());
            }
        }
        return terms;
    }

    /** A candidate sentence; {@code normalised} is its text as rubric keywords are matched against it. */
    private record Unit(int seq, Stage stage, int index, String sentence, String normalised, String context) {
    }

    private record Match(Unit unit, double similarity, Substance substance, double credit) {
        boolean better(Match other) {
            if (credit != other.credit) {
                return credit > other.credit;
            }
            if (similarity != other.similarity) {
                return similarity > other.similarity;
            }
            return unit.seq() < other.unit.seq() || (unit.seq() == other.unit.seq() && unit.index() < other.unit.index());
        }
    }
}
