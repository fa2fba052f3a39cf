package dev.mlsdmock.grading.offline;

import dev.mlsdmock.rubric.Rubric;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How much reasoning surrounds a statement, so the offline grader rewards substance and not vocabulary: a reason
 * ("because", "so that"), a number, a trade-off ("but", "instead of"), and terms of this particular problem count;
 * a bare list of terms ("embeddings, feature store, canary, drift") counts for nothing.
 *
 * <p>Terse notes are not bare lists: "Social: number of friends registered, user follows the organiser (people go
 * where friends go)" names features of this problem, each qualified in a few words, in answer to the question that
 * was asked. Such a <em>specific note</em> is weighed like a sentence when its turn stays on the question (its
 * sentences match at most two stages); a list of one- or two-word terms, or notes strewn across many stages in one
 * turn, stay a bare list (docs/grading.md, "Specific beats verbose").
 */
public record Substance(boolean reason, boolean number, boolean tradeOff, boolean specific, boolean bareList) {

    private static final Pattern REASON = Pattern.compile("\\b(because|since|so that|so we|so the|so it|which means|"
            + "that means|that's why|this is why|therefore|thus|due to|in order to|otherwise|to avoid|to keep|to reduce|"
            + "to make sure|to prevent|to catch|to handle|as a result|the reason|which lets|which gives|which would|"
            + "would let|that way|given that|if we|if the|when the|unless|so)\\b|->|=>|\u2192"
            + "|\\((?:[^()\\s]+\\s+){2,}[^()]*\\)"); // note style: "so", an arrow, a few words in parentheses
    private static final Pattern NUMBER = Pattern.compile("\\d|\\b(one|two|three|four|five|ten|twenty|fifty|hundred|"
            + "hundreds|thousand|thousands|million|millions|billion|billions|percent|half|double|twice|dozen)\\b");
    private static final Pattern TRADE_OFF = Pattern.compile("\\b(trade-?offs?|but|however|instead of|rather than|versus|"
            + "vs|at the cost of|downside|upside|on the other hand|cheaper|slower|faster|whereas|compared (with|to)|"
            + "the cost is|the risk is|risk|balance|more expensive|less accurate|more accurate|simpler|harder|easier|worse|better)\\b");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*(?:[,;/|+]|\\band\\b|\\bor\\b)\\s*");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:['-][a-z0-9]+)*");
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "to", "of", "in", "on", "for", "with",
            "is", "are", "was", "be", "it", "this", "that", "we", "i", "i'd", "i'll", "we'd", "we'll", "would", "will",
            "can", "could", "should", "and", "or", "but", "so", "if", "then", "because", "as", "by", "at", "from", "our",
            "their", "they", "them", "its", "which", "what", "when", "how", "not", "no", "do", "does", "need", "needs",
            "use", "uses", "have", "has", "than", "more", "less", "each", "every", "per", "there", "these", "those",
            "into", "about", "only", "also", "just", "me", "my", "you", "your", "he", "she", "one", "all", "some");
    private static final int MIN_WORDS = 5;
    private static final Pattern ITEM_SEPARATORS = Pattern.compile("[,;]");
    /** Items of a specific note average at least this many words: a term plus what it is for, not a bare term. */
    private static final double NOTE_WORDS_PER_ITEM = 2.5;
    private static final Pattern TERM = Pattern.compile("[a-z][a-z0-9-]{3,}");
    private static final Set<String> COMMON = Set.of("that", "this", "with", "from", "they", "their", "them", "have",
            "will", "would", "about", "which", "what", "when", "where", "than", "then", "there", "these", "those", "into",
            "only", "also", "each", "every", "more", "most", "some", "such", "other", "over", "under", "after", "before",
            "must", "should", "could", "within", "without", "around", "because", "while", "being", "been", "were",
            "does", "done", "make", "made", "need", "needs", "user", "users", "data", "model", "system", "design",
            "time", "many", "much", "very", "well", "good", "help", "used", "using", "uses", "like", "just");

    public int points() {
        if (bareList) {
            return 0;
        }
        return (reason ? 1 : 0) + (number ? 1 : 0) + (tradeOff ? 1 : 0) + (specific ? 1 : 0);
    }

    /**
     * @param sentence the statement that matched a rubric signal
     * @param context  the sentence with its neighbour(s) in the same turn, where its reasoning usually is
     * @param problemTerms content words of this problem's statement and facts
     */
    public static Substance of(String sentence, String context, Set<String> problemTerms) {
        return of(sentence, context, problemTerms, false);
    }

    /**
     * @param focusedTurn whether the sentence's turn stays on one question (its sentences match at most two stages):
     *                    only then can a list-like sentence count as a specific note
     */
    public static Substance of(String sentence, String context, Set<String> problemTerms, boolean focusedTurn) {
        String lower = context.toLowerCase(Locale.ROOT);
        int specificHits = 0;
        for (String w : words(lower)) {
            if (problemTerms.contains(w)) {
                specificHits++;
            }
        }
        return new Substance(REASON.matcher(lower).find(), NUMBER.matcher(lower).find(), TRADE_OFF.matcher(lower).find(),
                specificHits >= 2, isBareList(sentence) && !(focusedTurn && isSpecificNote(sentence, problemTerms)));
    }

    /**
     * A list of terms rather than a statement: many short comma-separated items, almost no function words, or too
     * few words to say anything.
     */
    public static boolean isBareList(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        java.util.List<String> words = words(lower);
        if (words.size() < MIN_WORDS) {
            return !lower.strip().endsWith("?"); // a short question is a clarification, not a list
        }
        long function = words.stream().filter(FUNCTION_WORDS::contains).count();
        if ((double) function / words.size() < 0.15) {
            return true;
        }
        String[] items = LIST_SEPARATORS.split(lower);
        int nonEmpty = 0;
        for (String item : items) {
            if (!item.isBlank()) {
                nonEmpty++;
            }
        }
        return nonEmpty >= 4 && (double) words.size() / nonEmpty <= 3.0;
    }

    /**
     * A note about this problem rather than a list of terms: its items are qualified (a few words each, not one
     * term) and it names at least two terms of the problem or a number.
     */
    static boolean isSpecificNote(String sentence, Set<String> problemTerms) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        java.util.List<String> words = words(lower);
        if (words.size() < MIN_WORDS) {
            return false;
        }
        long items = java.util.Arrays.stream(ITEM_SEPARATORS.split(lower)).filter(i -> !words(i).isEmpty()).count();
        if ((double) words.size() / Math.max(1, items) < NOTE_WORDS_PER_ITEM) {
            return false;
        }
        long specific = words.stream().filter(problemTerms::contains).distinct().count();
        return specific >= 2 || NUMBER.matcher(lower).find();
    }

    /** Words of the problem statement and its facts: talking about them means talking about this problem. */
    static Set<String> problemTerms(Rubric rubric) {
        StringBuilder text = new StringBuilder(rubric.title()).append(' ').append(rubric.opening());
        rubric.facts().forEach(f -> text.append(' ').append(f.answer()));
        Set<String> terms = new HashSet<>();
        var m = TERM.matcher(text.toString().toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!COMMON.contains(m.group())) {
                terms.add(m.group());
            }
        }
        return terms;
    }

    static java.util.List<String> words(String lower) {
        java.util.List<String> out = new java.util.ArrayList<>();
        var m = WORD.matcher(lower);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
