package dev.mlsdmock.grading.offline;

import dev.mlsdmock.coverage.Keywords;
import dev.mlsdmock.coverage.SentenceEmbedder;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.CriterionGrade;
import dev.mlsdmock.grading.Grade;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Criterion;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grades a transcript without any network: every candidate sentence is embedded once with the in-process model
 * and compared with the example phrasings of each criterion's rubric signals. A matching sentence earns credit in
 * proportion to the reasoning around it ({@link Substance}); a bare list of the right terms earns only the lowest
 * credit, and sentences addressed to the grader earn nothing. Deterministic: the same transcript always yields
 * the same grade.
 */
public class OfflineGrader implements Grader {

    /**
     * Added to a sentence's similarity to the signals of the stage it was said in, to decide whether it reaches the
     * threshold and its best match: a weak prior that can only add evidence (a borderline serving sentence said while
     * serving counts), never take any away. The competition between signals is on the sentence's own similarities,
     * so a sentence clearly about another stage's point counts there wherever it was said, and telling the stages
     * in another order changes little.
     */
    private static final double STAGE_BONUS = 0.15;
    /** A sentence counts for a signal only within this much of its best-matching signal. */
    private static final double COMPETING_MARGIN = 0.08;

    /** A turn whose sentences match signals of more stages than this is not an answer to one question. */
    private static final int MAX_STAGES_OF_A_FOCUSED_TURN = 2;

    private final SentenceEmbedder embedder;
    private final double matchThreshold;
    private final String label;
    private final ParallelEmbedder parallel;

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
        this.parallel = new ParallelEmbedder(embedder, threads);
    }

    @Override
    public String kind() {
        return OFFLINE;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Grade grade(Rubric rubric, Transcript transcript) {
        List<Flag> flags = new ArrayList<>();
        List<CandidateSentence> units = CandidateSentence.of(transcript, flags);
        List<float[]> vectors = parallel.embed(units.stream().map(CandidateSentence::sentence).toList());
        Set<String> problemTerms = Substance.problemTerms(rubric);

        Map<String, SignalMatch> bestBySignal = new LinkedHashMap<>();
        // turn seq -> indexes of its sentences that matched some signal but were only a list of terms
        Map<Integer, Set<Integer>> bareMatches = new java.util.TreeMap<>();
        // turn seq -> indexes of its sentences that matched some signal with reasoning (not a bare list)
        Map<Integer, Set<Integer>> reasonedMatches = new java.util.HashMap<>();
        Map<String, double[]> scores = signalScores(rubric, units, vectors);
        double[] top = topScores(units.size(), scores.values());
        Set<Integer> focused = focusedTurns(rubric, units, scores);
        for (Criterion criterion : rubric.allCriteria()) {
            for (String signalId : criterion.signals()) {
                Signal signal = rubric.signal(signalId).orElseThrow();
                Stage signalStage = stageOf(rubric, signalId);
                double[] signalScores = scores.get(signalId);
                SignalMatch best = null;
                for (int i = 0; i < units.size(); i++) {
                    CandidateSentence u = units.get(i);
                    double similarity = signalScores[i];
                    double prior = similarity + (u.stage() == signalStage ? STAGE_BONUS : 0);
                    // A sentence is evidence for the signals it is closest to, not for everything it vaguely
                    // resembles: otherwise one sentence rich in numbers would be the best evidence everywhere.
                    boolean close = prior >= matchThreshold && prior >= top[i] - COMPETING_MARGIN;
                    boolean keyword = signal.keywords().stream().anyMatch(k -> Keywords.contains(u.normalised(), k));
                    if (!close && !keyword) {
                        continue;
                    }
                    Substance substance = Substance.of(u.sentence(), u.context(), problemTerms, focused.contains(u.seq()));
                    (substance.bareList() ? bareMatches : reasonedMatches)
                            .computeIfAbsent(u.seq(), k -> new TreeSet<>()).add(u.index());
                    SignalMatch m = SignalMatch.of(u, similarity, substance);
                    if (best == null || m.better(best)) {
                        best = m;
                    }
                }
                if (best != null) {
                    bestBySignal.put(signalId, best);
                }
            }
        }
        flags.addAll(keywordListFlags(bareMatches, reasonedMatches));

        List<CriterionGrade> grades = new ArrayList<>();
        for (Criterion criterion : rubric.allCriteria()) {
            grades.add(CriterionScoring.grade(criterion, bestBySignal, id -> rubric.signal(id).orElseThrow().description()));
        }
        return new Grade(label, grades, flags, null);
    }

    /** Each sentence's similarity to each signal's examples, whatever stage it was said in. */
    private Map<String, double[]> signalScores(Rubric rubric, List<CandidateSentence> units, List<float[]> vectors) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (Criterion criterion : rubric.allCriteria()) {
            for (String signalId : criterion.signals()) {
                if (scores.containsKey(signalId)) {
                    continue;
                }
                List<float[]> examples = embedder.embedReferences(rubric.signal(signalId).orElseThrow().examples());
                double[] perUnit = new double[units.size()];
                for (int i = 0; i < units.size(); i++) {
                    perUnit[i] = SentenceEmbedder.bestSimilarity(vectors.get(i), examples);
                }
                scores.put(signalId, perUnit);
            }
        }
        return scores;
    }

    /**
     * The turns that stay on one question: their sentences' closest signals belong to at most two stages. A turn
     * that strews terms over three or more stages answers no question in particular, so its lists stay bare lists.
     */
    private Set<Integer> focusedTurns(Rubric rubric, List<CandidateSentence> units, Map<String, double[]> scores) {
        Map<Integer, Set<Stage>> stagesByTurn = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            String best = null;
            double bestScore = matchThreshold;
            for (Map.Entry<String, double[]> e : scores.entrySet()) {
                if (e.getValue()[i] >= bestScore) {
                    best = e.getKey();
                    bestScore = e.getValue()[i];
                }
            }
            Set<Stage> stages = stagesByTurn.computeIfAbsent(units.get(i).seq(), k -> new TreeSet<>());
            if (best != null) {
                stages.add(stageOf(rubric, best));
            }
        }
        Set<Integer> focused = new TreeSet<>();
        stagesByTurn.forEach((seq, stages) -> {
            if (stages.size() <= MAX_STAGES_OF_A_FOCUSED_TURN) {
                focused.add(seq);
            }
        });
        return focused;
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

    /**
     * One {@code keyword-list} flag per turn whose matching sentences are mostly bare lists of terms: at least two
     * of them, and more than the turn's reasoned matching sentences. A note-style answer that reasons in most of
     * its lines is not flagged (its bare lines still earn nothing on their own); keyword salad is.
     *
     * @param bare     turn seq -> indexes of its sentences that matched a signal but only listed terms
     * @param reasoned turn seq -> indexes of its sentences that matched a signal with substance
     */
    static List<Flag> keywordListFlags(Map<Integer, Set<Integer>> bare, Map<Integer, Set<Integer>> reasoned) {
        List<Flag> flags = new ArrayList<>();
        bare.forEach((seq, sentences) -> {
            if (sentences.size() >= 2 && sentences.size() > reasoned.getOrDefault(seq, Set.of()).size()) {
                flags.add(new Flag("keyword-list", seq, sentences.size() + " sentences list rubric terms without "
                        + "reasoning; a list of terms earns nothing"));
            }
        });
        return flags;
    }
}
