package dev.mlsdmock.interview;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * What an operator watches of the conversation on this instance (docs/operations.md): sockets, live interviews,
 * answers, and how long a candidate waits for the interviewer. Latencies are published as histograms so a
 * Prometheus server can aggregate percentiles over several instances.
 */
@ApplicationScoped
public class InterviewMetrics {

    private final Counter answers;
    private final Timer firstWords;
    private final Timer reply;

    public InterviewMetrics(MeterRegistry registry, InterviewConnections connections) {
        Gauge.builder("mlsd.sockets.open", connections, InterviewConnections::openSockets)
                .description("Interview WebSocket connections open on this instance").register(registry);
        Gauge.builder("mlsd.interviews.live", connections, InterviewConnections::liveInterviews)
                .description("Interviews with at least one open WebSocket on this instance").register(registry);
        answers = Counter.builder("mlsd.answers").description("Candidate answers stored (re-sent duplicates excluded)")
                .register(registry);
        firstWords = latency("mlsd.answer.first.words", "Answer frame received -> first interviewer frame (delta or turn) sent")
                .register(registry);
        reply = latency("mlsd.answer.reply", "Answer frame received -> the interviewer's stored turn sent").register(registry);
    }

    private static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60));
    }

    void answerStored() {
        answers.increment();
    }

    void firstWords(long answerReceivedNanos) {
        firstWords.record(Duration.ofNanos(System.nanoTime() - answerReceivedNanos));
    }

    void replied(long answerReceivedNanos) {
        reply.record(Duration.ofNanos(System.nanoTime() - answerReceivedNanos));
    }
}
