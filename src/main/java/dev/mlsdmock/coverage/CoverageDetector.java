package dev.mlsdmock.coverage;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.prompt.Intents;
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

    private static final int MAX_SIGNALS_PER_SENTENCE = 2;
    private static final double SENTENCE_MARGIN = 0.05;
    private static final double RELATED_SIGNAL_MIN = 0.45;

    private final SentenceEmbedder embedder;
    private final Thresholds thresholds;
    private final Supplier<List<String>> moveOnExamples;
    private final Supplier<Intents> intents;
    private final FactMatcher facts;
    private final Map<Fact, Optional<String>> relatedSignal = new ConcurrentHashMap<>();

    /**
     * @param moveOnExamples phrasings of "let's move on", read on each use so edited prompt files apply at once
     */
    /** @param intents the prompt library's intents: move-on, back-reference and fact-topic phrasings */
    public CoverageDetector(SentenceEmbedder embedder, Thresholds thresholds, Supplier<Intents> intents) {
        this.embedder = embedder;
        this.thresholds = thresholds;
        this.moveOnExamples = () -> intents.get().moveOn();
        this.intents = intents;
        this.facts = new FactMatcher(embedder, thresholds.fact(), thresholds.moveOn(), intents);
    }

    /**
     * @param stage the stage the message was said in: its signals get a small bonus, because the same sentence
     *              ("the model predicts the probability of a click") means framing in one stage and calibration
     *              in another; {@code null} for no stage context
     */
    public Analysis analyze(Rubric rubric, Stage stage, String text) {
        return analyze(rubric, stage, text, null);
    }

    /**
     * @param lastQuestion the interviewer's last turn, or null: a question that only points back at it ("can you
     *                     tell me?") is answered as if the candidate had asked it
     */
    public Analysis analyze(Rubric rubric, Stage stage, String text, String lastQuestion) {
        List<List<String>> grouped = Sentences.grouped(text);
        List<String> sentences = grouped.stream().flatMap(List::stream).toList();
        if (sentences.isEmpty()) {
            return Analysis.empty();
        }
        List<float[]> vectors = embedder.embed(sentences);
        Set<String> signals = new TreeSet<>(detectSignals(rubric, stage, text, vectors));

        Set<Fact> asked = new LinkedHashSet<>();
        int unanswered = 0;
        int i = 0;
        for (List<String> sentence : grouped) {
            List<Fact> matched = new ArrayList<>();
            boolean question = false;
            for (String clause : sentence) {
                float[] vector = vectors.get(i++);
                if (!Sentences.isQuestion(clause)) {
                    continue;
                }
                question = true;
                if (lastQuestion != null && facts.refersBack(vector)) {
                    matched.addAll(factsAsked(rubric, lastQuestion));
                    continue;
                }
                facts.best(rubric, clause, vector).ifPresent(f -> {
                    matched.add(f);
                    if (stage == Stage.CLARIFY) {
                        clarifySignalOf(rubric, f).ifPresent(signals::add);
                    }
                });
            }
            // A sentence is one question, however many clauses: a fact answering any part of it answers it, so
            // "not specified" is said only when nothing in the rubric does, and never next to a fact for it.
            if (question && matched.isEmpty()) {
                unanswered++;
            }
            asked.addAll(matched);
        }
        return new Analysis(Set.copyOf(signals), List.copyOf(asked), unanswered, wantsToMoveOn(vectors));
    }

    /** The facts the question clauses of a text ask for, one per clause at most. */
    private List<Fact> factsAsked(Rubric rubric, String text) {
        List<String> clauses = Sentences.split(text).stream().filter(Sentences::isQuestion).toList();
        if (clauses.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = embedder.embed(clauses);
        Set<Fact> found = new LinkedHashSet<>();
        for (int i = 0; i < clauses.size(); i++) {
            facts.best(rubric, clauses.get(i), vectors.get(i)).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /** Signals shown by a text, without stage context; for reading a whole transcript. */
    public Set<String> detectSignals(Rubric rubric, String text) {
        List<String> sentences = Sentences.split(text);
        return sentences.isEmpty() ? Set.of() : detectSignals(rubric, null, text, embedder.embed(sentences));
    }

    /**
     * The step of the framework an interviewer's turn asks about ("What data and features?" asks about data), from
     * its last question compared with the {@code stage-questions} of {@code intents.yaml}: the closest stage when it
     * reaches the fact threshold and beats every other stage by a small margin; empty otherwise (no question, or one
     * that could open several steps).
     */
    public Optional<Stage> stageAsked(String interviewerText) {
        List<String> questions = Sentences.split(interviewerText).stream().filter(Sentences::isQuestion).toList();
        Map<String, List<String>> examples = intents.get().stageQuestionsOrEmpty();
        if (questions.isEmpty() || examples.isEmpty()) {
            return Optional.empty();
        }
        float[] question = embedder.embed(List.of(questions.get(questions.size() - 1))).get(0);
        Stage best = null;
        double bestScore = 0;
        double second = 0;
        for (Map.Entry<String, List<String>> e : examples.entrySet()) {
            double score = SentenceEmbedder.bestSimilarity(question, embedder.embedReferences(e.getValue()));
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = Stage.of(e.getKey());
            } else {
                second = Math.max(second, score);
            }
        }
        return bestScore >= thresholds.fact() && bestScore - second >= SENTENCE_MARGIN ? Optional.of(best) : Optional.empty();
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
