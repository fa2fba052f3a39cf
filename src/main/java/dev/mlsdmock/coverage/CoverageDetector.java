package dev.mlsdmock.coverage;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Fact;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads a candidate message against a rubric: which signals it shows, which facts it asks for, whether it asks
 * to move on. Matching is semantic (sentence embeddings against the rubric's example phrasings), so "we expect a
 * few hundred million daily users" counts as a scale signal without the word "scale"; a rubric's optional
 * keywords add exact matches on top. The same component serves the offline interviewer and the graders.
 */
public class CoverageDetector {

    private static final int MAX_FACTS_PER_QUESTION = 2;
    private static final int MAX_SIGNALS_PER_SENTENCE = 2;
    private static final double SENTENCE_MARGIN = 0.05;
    private static final double LEXICAL_WEIGHT = 0.2;
    private static final double RELATED_SIGNAL_MIN = 0.45;

    private final SentenceEmbedder embedder;
    private final Thresholds thresholds;
    private final Supplier<List<String>> moveOnExamples;
    private final Map<Fact, Set<String>> factWords = new ConcurrentHashMap<>();
    private final Map<Fact, Optional<String>> relatedSignal = new ConcurrentHashMap<>();

    /**
     * @param moveOnExamples phrasings of "let's move on", read on each use so edited prompt files apply at once
     */
    public CoverageDetector(SentenceEmbedder embedder, Thresholds thresholds, Supplier<List<String>> moveOnExamples) {
        this.embedder = embedder;
        this.thresholds = thresholds;
        this.moveOnExamples = moveOnExamples;
    }

    /**
     * @param stage the stage the message was said in: its signals get a small bonus, because the same sentence
     *              ("the model predicts the probability of a click") means framing in one stage and calibration
     *              in another; {@code null} for no stage context
     */
    public Analysis analyze(Rubric rubric, Stage stage, String text) {
        List<String> sentences = Sentences.split(text);
        if (sentences.isEmpty()) {
            return Analysis.empty();
        }
        List<float[]> vectors = embedder.embed(sentences);
        Set<String> signals = new TreeSet<>(detectSignals(rubric, stage, text, vectors));

        Set<Fact> facts = new LinkedHashSet<>();
        int unanswered = 0;
        for (int i = 0; i < sentences.size(); i++) {
            if (!Sentences.isQuestion(sentences.get(i))) {
                continue;
            }
            List<Fact> matched = matchFacts(rubric, sentences.get(i), vectors.get(i));
            if (matched.isEmpty()) {
                unanswered++;
            }
            facts.addAll(matched);
            if (stage == Stage.CLARIFY) {
                matched.forEach(f -> clarifySignalOf(rubric, f).ifPresent(signals::add));
            }
        }
        return new Analysis(Set.copyOf(signals), List.copyOf(facts), unanswered, wantsToMoveOn(vectors));
    }

    /** Signals shown by a text, without stage context; for reading a whole transcript. */
    public Set<String> detectSignals(Rubric rubric, String text) {
        List<String> sentences = Sentences.split(text);
        return sentences.isEmpty() ? Set.of() : detectSignals(rubric, null, text, embedder.embed(sentences));
    }

    /** The highest similarity between any sentence and any example of the signal (0 when nothing is said). */
    public double bestSimilarity(Signal signal, List<float[]> sentenceVectors) {
        List<float[]> examples = embedder.embedReferences(signal.examples());
        double best = 0;
        for (float[] s : sentenceVectors) {
            best = Math.max(best, SentenceEmbedder.bestSimilarity(s, examples));
        }
        return best;
    }

    /**
     * Each sentence counts for the signals it is closest to: at or above the threshold, and within a small margin
     * of its best match, at most two. Without that, one sentence full of the problem's vocabulary ("click",
     * "ads") would tick half the rubric.
     */
    private Set<String> detectSignals(Rubric rubric, Stage stage, String text, List<float[]> vectors) {
        Set<String> shown = new TreeSet<>();
        List<Signal> signals = rubric.allSignals().toList();
        Set<String> inStage = stage == null ? Set.of()
                : rubric.stage(stage).signals().stream().map(Signal::id).collect(java.util.stream.Collectors.toSet());
        for (float[] sentence : vectors) {
            double[] scores = new double[signals.size()];
            double top = 0;
            for (int i = 0; i < signals.size(); i++) {
                Signal signal = signals.get(i);
                scores[i] = SentenceEmbedder.bestSimilarity(sentence, embedder.embedReferences(signal.examples()))
                        + (inStage.contains(signal.id()) ? thresholds.stageBonus() : 0);
                top = Math.max(top, scores[i]);
            }
            double cut = Math.max(thresholds.signal(), top - SENTENCE_MARGIN);
            final double[] s = scores;
            java.util.stream.IntStream.range(0, signals.size()).filter(i -> s[i] >= cut).boxed()
                    .sorted((a, b) -> Double.compare(s[b], s[a])).limit(MAX_SIGNALS_PER_SENTENCE)
                    .forEach(i -> shown.add(signals.get(i).id()));
        }
        String normalised = Keywords.normalise(text);
        for (Signal signal : signals) {
            if (signal.keywords().stream().anyMatch(k -> Keywords.contains(normalised, k))) {
                shown.add(signal.id());
            }
        }
        return shown;
    }

    /**
     * Scores each fact against one question: the better of its similarity to the fact's example questions and to
     * the fact's answer, blended with word overlap; keeps the best and any within a small margin of it.
     */
    private List<Fact> matchFacts(Rubric rubric, String question, float[] vector) {
        record Scored(Fact fact, double score) {
        }
        Set<String> questionWords = Lexical.words(question);
        List<Scored> scored = new ArrayList<>();
        for (Fact fact : rubric.facts()) {
            double semantic = Math.max(SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(fact.questions())),
                    SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(Sentences.split(fact.answer()))));
            double lexical = Lexical.coverage(questionWords, factWords(fact));
            double score = (1 - LEXICAL_WEIGHT) * semantic + LEXICAL_WEIGHT * lexical;
            if (score >= thresholds.fact()) {
                scored.add(new Scored(fact, score));
            }
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        // "How many users?" is close to both the users fact and the scale fact; reveal only what was asked.
        double cut = scored.isEmpty() ? 0 : scored.get(0).score() - SENTENCE_MARGIN;
        return scored.stream().filter(x -> x.score() >= cut).limit(MAX_FACTS_PER_QUESTION).map(Scored::fact).toList();
    }

    private Set<String> factWords(Fact fact) {
        return factWords.computeIfAbsent(fact, f -> Lexical.words(String.join(" ", f.questions()) + " " + f.answer()
                + " " + f.id().replace('-', ' ')));
    }

    /**
     * The clarify signal a fact belongs to (asking for the latency budget is the latency signal), found once per
     * fact as the signal whose examples are closest to the fact's questions.
     */
    private Optional<String> clarifySignalOf(Rubric rubric, Fact fact) {
        return relatedSignal.computeIfAbsent(fact, f -> {
            String best = null;
            double bestScore = RELATED_SIGNAL_MIN;
            List<float[]> questions = embedder.embedReferences(f.questions());
            for (Signal signal : rubric.stage(Stage.CLARIFY).signals()) {
                for (float[] q : questions) {
                    double sim = SentenceEmbedder.bestSimilarity(q, embedder.embedReferences(signal.examples()));
                    if (sim > bestScore) {
                        bestScore = sim;
                        best = signal.id();
                    }
                }
            }
            return Optional.ofNullable(best);
        });
    }

    private boolean wantsToMoveOn(List<float[]> vectors) {
        List<float[]> examples = embedder.embedReferences(moveOnExamples.get());
        for (float[] s : vectors) {
            for (float[] e : examples) {
                if (SentenceEmbedder.similarity(s, e) >= thresholds.moveOn()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Similarity cut-offs, between 0 and 1. */
    public record Thresholds(double signal, double fact, double moveOn, double stageBonus) {
    }
}
