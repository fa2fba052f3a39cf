package dev.mlsdmock.interviewer.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import dev.mlsdmock.interviewer.SpeechCancelled;
import dev.mlsdmock.interviewer.TokenMeter;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One streamed model call, with the interviewer's fault tolerance. The model's callbacks run on the HTTP client's
 * threads; they only queue events, and the calling thread forwards the deltas in order and enforces the two
 * timeouts (first token, whole turn), so a slow or silent provider never holds a connection forever.
 * <p>
 * Retries happen only while nothing has been streamed: once a delta reached the client, a new attempt would
 * repeat text, so such a failure ends the turn. Override the annotation values with MicroProfile Fault Tolerance
 * keys, e.g. {@code dev.mlsdmock.interviewer.llm.LlmClient/stream/Retry/maxRetries=4}.
 */
@ApplicationScoped
public class LlmClient {

    private static final Logger LOG = Logger.getLogger(LlmClient.class);
    private static final Pattern STATUS_IN_MESSAGE = Pattern.compile("(?:status(?: code)?|HTTP)[ :=]*(\\d{3})", Pattern.CASE_INSENSITIVE);

    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 200, maxDuration = 60_000,
            retryOn = LlmFailure.Transient.class)
    @ExponentialBackoff(factor = 2, maxDelay = 4_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 1.0, delay = 30_000, successThreshold = 1,
            skipOn = {LlmFailure.Refused.class, SpeechCancelled.class})
    public Completion stream(StreamingChatModel model, ChatRequest request, Duration firstTokenTimeout,
                             Duration totalTimeout, Consumer<String> deltas, TokenMeter meter) {
        StringBuilder text = new StringBuilder();
        TokenUsage[] reported = new TokenUsage[1];
        try {
            return attempt(model, request, firstTokenTimeout, totalTimeout, deltas, text, reported);
        } finally {
            CallCost.charge(meter, request, reported[0], text);
        }
    }

    private Completion attempt(StreamingChatModel model, ChatRequest request, Duration firstTokenTimeout,
                               Duration totalTimeout, Consumer<String> deltas, StringBuilder text, TokenUsage[] reported) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        long started = System.nanoTime();
        try {
            model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String text) {
                    events.add(new Delta(text));
                }

                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.set(context.streamingHandle());
                    events.add(new Delta(partial.text()));
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    events.add(response);
                }

                @Override
                public void onError(Throwable error) {
                    events.add(error);
                }
            });
        } catch (RuntimeException e) {
            events.add(e);
        }
        long deadline = started + totalTimeout.toNanos();
        while (true) {
            boolean first = text.isEmpty();
            long wait = deadline - System.nanoTime();
            if (first) {
                wait = Math.min(wait, started + firstTokenTimeout.toNanos() - System.nanoTime());
            }
            Object event;
            try {
                event = wait <= 0 ? null : events.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(handle);
                throw new LlmFailure(LlmFailure.Code.LLM_STREAM_CUT, "The interviewer's turn was interrupted.", !first, e);
            }
            if (event == null) {
                cancel(handle);
                throw first
                        ? new LlmFailure(LlmFailure.Code.LLM_TIMEOUT, "The AI interviewer did not start answering within "
                                + seconds(firstTokenTimeout) + ".", false, null)
                        : new LlmFailure(LlmFailure.Code.LLM_TIMEOUT, "The AI interviewer did not finish its turn within "
                                + seconds(totalTimeout) + ".", true, null);
            }
            if (event instanceof Delta d) {
                if (d.text() != null && !d.text().isEmpty()) {
                    text.append(d.text());
                    try {
                        deltas.accept(d.text());
                    } catch (RuntimeException e) {
                        cancel(handle); // the consumer refused the text (a leak): stop paying for the rest
                        throw e;
                    }
                }
            } else if (event instanceof ChatResponse response) {
                var usage = response.tokenUsage();
                reported[0] = usage;
                return new Completion(text.toString(), response.finishReason(),
                        usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount());
            } else if (event instanceof Throwable error) {
                throw classify(error, !first);
            }
        }
    }

    private static LlmFailure classify(Throwable error, boolean deltasSent) {
        Integer status = statusOf(error);
        // Log the kind of failure only: provider error bodies can echo request headers.
        LOG.warnf("LLM call failed (%s%s)", chain(error), status == null ? "" : ", HTTP " + status);
        if (deltasSent) {
            return new LlmFailure(LlmFailure.Code.LLM_STREAM_CUT, "The AI interviewer's answer broke off in the middle.",
                    true, error);
        }
        if (status != null && (status == 429 || status >= 500)) {
            return new LlmFailure.Transient(status == 429
                    ? "The AI provider is rate-limiting requests (HTTP 429)."
                    : "The AI provider had a server error (HTTP " + status + ").", error);
        }
        if (status == null && hasCause(error, ConnectException.class)) {
            return new LlmFailure.Transient("The AI provider cannot be reached.", error);
        }
        if (status == null && hasCause(error, IOException.class)) {
            return new LlmFailure(LlmFailure.Code.LLM_STREAM_CUT, "The connection to the AI provider broke off.", false, error);
        }
        return new LlmFailure(LlmFailure.Code.LLM_UNAVAILABLE, status == null
                ? "The AI provider's answer could not be used."
                : "The AI provider refused the request (HTTP " + status + "); check the interviewer.llm settings.", false, error);
    }

    /** The provider's HTTP status: exact when the cause chain carries it, else the one langchain4j's exception type stands for. */
    static Integer statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return w.getResponse().getStatus();
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = STATUS_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RateLimitException) {
                return 429;
            }
            if (t instanceof InternalServerException) {
                return 500;
            }
        }
        return null;
    }

    private static String chain(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && out.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return out.toString();
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void cancel(AtomicReference<StreamingHandle> handle) {
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) {
            try {
                h.cancel();
            } catch (RuntimeException e) {
                LOG.debugf("Cancelling the stream failed: %s", e.toString());
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private record Delta(String text) {
    }
}
