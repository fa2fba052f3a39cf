package dev.mlsdmock.interviewer.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The interviewer model as an operator sees it (docs/operations.md): time to its first token, tokens spent, and
 * its failures by kind. Measured around the whole call, retries included, because that is what the candidate waits.
 */
@ApplicationScoped
public class ModelMeters {

    private final MeterRegistry registry;
    private final Timer firstToken;
    private final Counter inputTokens;
    private final Counter outputTokens;

    public ModelMeters(MeterRegistry registry) {
        this.registry = registry;
        firstToken = Timer.builder("mlsd.model.first.token").description("Interviewer model request -> its first token")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        inputTokens = Counter.builder("mlsd.model.tokens").tag("direction", "input")
                .description("Tokens the interviewer model read or wrote").register(registry);
        outputTokens = Counter.builder("mlsd.model.tokens").tag("direction", "output")
                .description("Tokens the interviewer model read or wrote").register(registry);
    }

    /** Wraps the delta consumer of one call so its first delta records the time to first token. */
    Consumer<String> timing(Consumer<String> deltas) {
        long started = System.nanoTime();
        boolean[] first = {true};
        return piece -> {
            if (first[0]) {
                first[0] = false;
                firstToken.record(Duration.ofNanos(System.nanoTime() - started));
            }
            deltas.accept(piece);
        };
    }

    void tokens(Integer input, Integer output) {
        if (input != null) {
            inputTokens.increment(input);
        }
        if (output != null) {
            outputTokens.increment(output);
        }
    }

    void failed(LlmFailure failure) {
        registry.counter("mlsd.model.errors", "code", failure.code().id()).increment();
    }
}
