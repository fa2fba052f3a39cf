package dev.mlsdmock.grading.offline;

import dev.mlsdmock.coverage.SentenceEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Embeds a transcript's sentences on several threads. Each sentence is embedded on its own, so the vectors (and
 * the grade) do not depend on the number of threads, only the wall time does.
 */
final class ParallelEmbedder {

    /** Below this many sentences, splitting the embedding work costs more than it saves. */
    private static final int MIN_SENTENCES_PER_THREAD = 8;

    private final SentenceEmbedder embedder;
    private final int threads;
    private final ExecutorService pool;

    ParallelEmbedder(SentenceEmbedder embedder, int threads) {
        this.embedder = embedder;
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "offline-grader-embedding");
            t.setDaemon(true);
            return t;
        });
    }

    /** Embeds in contiguous chunks, one per thread (the calling thread takes the first), keeping the order. */
    List<float[]> embed(List<String> sentences) {
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
}
