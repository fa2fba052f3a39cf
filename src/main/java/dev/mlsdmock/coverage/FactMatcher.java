package dev.mlsdmock.coverage;

import dev.mlsdmock.prompt.Intents;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Fact;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the one fact a question clause asks for. A fact is matched by meaning against its listed questions, its
 * answer and its topic (so a question in words the rubric never lists still finds it), blended with word overlap.
 * Only the best fact answers a clause: revealing a runner-up is how an interviewer volunteers what nobody asked.
 */
final class FactMatcher {

    private static final double LEXICAL_WEIGHT = 0.2;
    // A topic phrase is generic ("how much traffic"), so it counts a little less than the fact's own words.
    private static final double TOPIC_DISCOUNT = 0.05;

    private final SentenceEmbedder embedder;
    private final double threshold;
    private final double backReferenceThreshold;
    private final Supplier<Intents> intents;
    private final Map<Fact, Set<String>> factWords = new ConcurrentHashMap<>();

    FactMatcher(SentenceEmbedder embedder, double threshold, double backReferenceThreshold, Supplier<Intents> intents) {
        this.embedder = embedder;
        this.threshold = threshold;
        this.backReferenceThreshold = backReferenceThreshold;
        this.intents = intents;
    }

    Optional<Fact> best(Rubric rubric, String clause, float[] vector) {
        Set<String> words = Lexical.words(clause);
        Fact best = null;
        double bestScore = threshold;
        for (Fact fact : rubric.facts()) {
            double semantic = Math.max(SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(fact.questions())),
                    SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(Sentences.split(fact.answer()))));
            List<String> topic = topicExamples(fact);
            if (!topic.isEmpty()) {
                semantic = Math.max(semantic,
                        SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(topic)) - TOPIC_DISCOUNT);
            }
            double score = (1 - LEXICAL_WEIGHT) * semantic + LEXICAL_WEIGHT * Lexical.coverage(words, factWords(fact));
            if (score >= bestScore) {
                bestScore = score;
                best = fact;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a question only points back at the interviewer's last question ("can you tell me?"). */
    boolean refersBack(float[] vector) {
        Intents i = intents.get();
        return i != null && !i.backReference().isEmpty() && SentenceEmbedder.bestSimilarity(vector,
                embedder.embedReferences(i.backReference())) >= backReferenceThreshold;
    }

    private List<String> topicExamples(Fact fact) {
        Intents i = intents.get();
        return i == null ? List.of() : i.topicExamples(fact.topic().id());
    }

    private Set<String> factWords(Fact fact) {
        return factWords.computeIfAbsent(fact, f -> Lexical.words(String.join(" ", f.questions()) + " " + f.answer()
                + " " + f.id().replace('-', ' ')));
    }
}
