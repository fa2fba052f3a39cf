package dev.mlsdmock.grading;

/** Defaults shared by the configuration, the benchmark and the tests, so they cannot drift apart. */
public final class GradingDefaults {

    /** The in-process embedding model the offline grader uses (see {@code coverage.SentenceEmbedder}). */
    public static final String EMBEDDING_MODEL = "all-minilm-l6-v2-q";

    /** Cosine similarity from which a candidate sentence counts as evidence of a rubric signal. */
    public static final double MATCH_THRESHOLD = 0.55;

    private GradingDefaults() {
    }
}
