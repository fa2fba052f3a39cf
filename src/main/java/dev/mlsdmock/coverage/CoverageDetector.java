package dev.mlsdmock.coverage;

import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Fact;
import dev.mlsdmock.rubric.Rubric.Signal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a candidate message against a rubric: which signals it shows, which facts it asks for, whether it asks
 * to move on. Matching is semantic (sentence embeddings against the rubric's example phrasings), so "we expect a
 * few hundred million daily users" counts as a scale signal without the word "scale"; a rubric's optional
 * keywords add exact matches on top. The same component serves the offline interviewer and the graders.
 */
public class CoverageDetector {

    private static final int MAX_FACTS_PER_QUESTION = 2;

    private final SentenceEmbedder embedder;
    private final Thresholds thresholds;
    private final List<String> moveOnExamples;

    public CoverageDetector(SentenceEmbedder embedder, Thresholds thresholds, List<String> moveOnExamples) {
        this.embedder = embedder;
        this.thresholds = thresholds;
        this.moveOnExamples = List.copyOf(moveOnExamples);
    }

    public Analysis analyze(Rubric rubric, String text) {
        List<String> sentences = Sentences.split(text);
        if (sentences.isEmpty()) {
            return Analysis.empty();
        }
        List<float[]> vectors = embedder.embed(sentences);
        Set<String> signals = detectSignals(rubric, text, vectors);

        Set<Fact> facts = new LinkedHashSet<>();
        int unanswered = 0;
        for (int i = 0; i < sentences.size(); i++) {
            if (!Sentences.isQuestion(sentences.get(i))) {
                continue;
            }
            List<Fact> matched = matchFacts(rubric, vectors.get(i));
            if (matched.isEmpty()) {
                unanswered++;
            }
            facts.addAll(matched);
        }
        return new Analysis(signals, List.copyOf(facts), unanswered, wantsToMoveOn(vectors));
    }

    /** Signals shown by any of the given texts; used on a whole transcript by the grader. */
    public Set<String> detectSignals(Rubric rubric, String text) {
        List<String> sentences = Sentences.split(text);
        return sentences.isEmpty() ? Set.of() : detectSignals(rubric, text, embedder.embed(sentences));
    }

    /** The highest similarity between any sentence and any example of the signal (0 when nothing is said). */
    public double bestSimilarity(Signal signal, List<float[]> sentenceVectors) {
        List<float[]> examples = embedder.embedReferences(signal.examples());
        double best = 0;
        for (float[] s : sentenceVectors) {
            for (float[] e : examples) {
                best = Math.max(best, SentenceEmbedder.similarity(s, e));
            }
        }
        return best;
    }

    private Set<String> detectSignals(Rubric rubric, String text, List<float[]> vectors) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> shown = new TreeSet<>();
        rubric.allSignals().forEach(signal -> {
            if (mentionsKeyword(lower, signal) || bestSimilarity(signal, vectors) >= thresholds.signal()) {
                shown.add(signal.id());
            }
        });
        return shown;
    }

    private List<Fact> matchFacts(Rubric rubric, float[] question) {
        record Scored(Fact fact, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Fact fact : rubric.facts()) {
            double best = 0;
            for (float[] q : embedder.embedReferences(fact.questions())) {
                best = Math.max(best, SentenceEmbedder.similarity(question, q));
            }
            if (best >= thresholds.fact()) {
                scored.add(new Scored(fact, best));
            }
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored.stream().limit(MAX_FACTS_PER_QUESTION).map(Scored::fact).toList();
    }

    private boolean wantsToMoveOn(List<float[]> vectors) {
        List<float[]> examples = embedder.embedReferences(moveOnExamples);
        for (float[] s : vectors) {
            for (float[] e : examples) {
                if (SentenceEmbedder.similarity(s, e) >= thresholds.moveOn()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentionsKeyword(String lowerText, Signal signal) {
        for (String keyword : signal.keywords()) {
            Pattern p = Pattern.compile("\\b" + Pattern.quote(keyword.toLowerCase(Locale.ROOT)) + "\\b");
            if (p.matcher(lowerText).find()) {
                return true;
            }
        }
        return false;
    }

    /** Similarity cut-offs, between 0 and 1. */
    public record Thresholds(double signal, double fact, double moveOn) {
    }
}
