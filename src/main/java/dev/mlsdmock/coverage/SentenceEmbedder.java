package dev.mlsdmock.coverage;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sentence vectors from the quantized all-MiniLM-L6-v2 model that ships inside a Maven jar and runs in-process
 * (ONNX Runtime): no network, no API key. Reference phrases (rubric examples) are embedded once and cached;
 * candidate sentences are embedded per call. The model is loaded on first use, so plain unit tests that never
 * touch it stay fast.
 */
public class SentenceEmbedder {

    private static final int MAX_CACHED_PHRASES = 20_000;

    private final Supplier<EmbeddingModel> modelFactory;
    private volatile EmbeddingModel model;
    private final Map<String, float[]> referenceCache = new ConcurrentHashMap<>();
    private volatile boolean warm;
    private final AtomicBoolean warmUpClaimed = new AtomicBoolean();

    public SentenceEmbedder() {
        this(() -> new LeanMiniLm(Runnable::run));
    }

    public SentenceEmbedder(Supplier<EmbeddingModel> modelFactory) {
        this.modelFactory = modelFactory;
    }

    /** Vectors for text that recurs (rubric phrases), cached for the life of the process. */
    public List<float[]> embedReferences(List<String> phrases) {
        List<String> missing = phrases.stream().distinct().filter(p -> !referenceCache.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = embed(missing);
            if (referenceCache.size() < MAX_CACHED_PHRASES) {
                for (int i = 0; i < missing.size(); i++) {
                    referenceCache.put(missing.get(i), vectors.get(i));
                }
            } else {
                // Never expected with the shipped rubrics; guards against unbounded growth with huge custom ones.
                return embed(phrases);
            }
        }
        return phrases.stream().map(referenceCache::get).toList();
    }

    /** Loads the model and embeds the reference phrases known at start; afterwards {@link #warm()} is true. */
    public void warmUp(List<String> phrases) {
        embedReferences(phrases);
        warm = true;
    }

    /** True for the first caller only: whoever gets true runs {@link #warmUp}. */
    public boolean claimWarmUp() {
        return warmUpClaimed.compareAndSet(false, true);
    }

    /** Whether the model is loaded and the start-up reference phrases are cached. */
    public boolean warm() {
        return warm;
    }

    /** Vectors for one-off text (what the candidate just said). */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            vectors.add(normalised(e.vector()));
        }
        return vectors;
    }

    /** Cosine similarity of two vectors returned by this class (they are unit length). */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The highest similarity between a vector and any of the references (0 when there are none). */
    public static double bestSimilarity(float[] vector, List<float[]> references) {
        double best = 0;
        for (float[] r : references) {
            best = Math.max(best, similarity(vector, r));
        }
        return best;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = modelFactory.get();
                }
                m = model;
            }
        }
        return m;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
