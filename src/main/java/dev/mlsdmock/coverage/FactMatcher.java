package dev.mlsdmock.coverage;

import dev.mlsdmock.prompt.Intents;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Fact;

import java.util.ArrayList;
import java.util.Comparator;
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
 * Near-ties are settled by topic, and a fact clearly ahead of all others answers a little below the threshold
 * (docs/interviewer.md, "Measured hit rate").
 */
final class FactMatcher {

    private static final double LEXICAL_WEIGHT = 0.2;
    // A topic phrase is generic ("how much traffic"), so it counts a little less than the fact's own words.
    private static final double TOPIC_DISCOUNT = 0.05;
    // Facts scoring within this much of the best are a near-tie, decided by how well the question fits each topic.
    private static final double TIE_WINDOW = 0.03;
    // A fact this far ahead of every other one answers even this far below the threshold.
    private static final double CLEAR_LEAD = 0.07;
    private static final double CLEAR_LEAD_FLOOR = 0.05;

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
        List<Scored> scored = new ArrayList<>();
        for (Fact fact : rubric.facts()) {
            double semantic = Math.max(SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(fact.questions())),
                    SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(Sentences.split(fact.answer()))));
            List<String> topic = topicExamples(fact);
            double topicSimilarity = topic.isEmpty() ? 0 : SentenceEmbedder.bestSimilarity(vector, embedder.embedReferences(topic));
            semantic = Math.max(semantic, topicSimilarity - TOPIC_DISCOUNT);
            double score = (1 - LEXICAL_WEIGHT) * semantic + LEXICAL_WEIGHT * Lexical.coverage(words, factWords(fact));
            scored.add(new Scored(fact, score, topicSimilarity));
        }
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        double top = scored.stream().mapToDouble(Scored::score).max().orElseThrow();
        // Near-ties go to the fact whose topic the question fits best: "how many impressions do we handle daily?"
        // is a volume question, so the scale fact beats the users fact that also mentions impressions per user.
        Scored best = scored.stream().filter(s -> s.score() >= top - TIE_WINDOW)
                .max(Comparator.comparingDouble(s -> s.score() + s.topicSimilarity())).orElseThrow();
        double runnerUp = scored.stream().filter(s -> s != best).mapToDouble(Scored::score).max().orElse(0);
        // Below the threshold a fact still answers when nothing else comes close: a question in unusual words
        // ("what proportion of uploads break the rules?") scores low against everything, but lowest against the rest.
        boolean clear = best.score() >= threshold - CLEAR_LEAD_FLOOR && best.score() - runnerUp >= CLEAR_LEAD;
        return best.score() >= threshold || clear ? Optional.of(best.fact()) : Optional.empty();
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

    private record Scored(Fact fact, double score, double topicSimilarity) {
    }

    private Set<String> factWords(Fact fact) {
        return factWords.computeIfAbsent(fact, f -> Lexical.words(String.join(" ", f.questions()) + " " + f.answer()
                + " " + f.id().replace('-', ' ')));
    }
}
