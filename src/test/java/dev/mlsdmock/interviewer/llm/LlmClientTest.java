package dev.mlsdmock.interviewer.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.mlsdmock.interviewer.TokenMeter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming call without Quarkus (so without the fault tolerance interceptors): ordering, timeouts, classification. */
class LlmClientTest {

    private static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from("hi")).build();
    private static final Duration LONG = Duration.ofSeconds(10);

    private final LlmClient client = new LlmClient();
    private final List<String> metered = new ArrayList<>();

    @Test
    void deltasArriveInOrderOnTheCallingThreadAndUsageIsKept() {
        Thread caller = Thread.currentThread();
        List<String> deltas = new ArrayList<>();
        Completion c = client.stream(model(h -> {
            h.onPartialResponse("One ");
            h.onPartialResponse("");
            h.onPartialResponse("question?");
            h.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("One question?"))
                    .finishReason(FinishReason.STOP).tokenUsage(new TokenUsage(120, 3)).build());
        }), REQUEST, LONG, LONG, d -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            deltas.add(d);
        }, (in, out) -> metered.add(in + "/" + out));
        assertThat(deltas).containsExactly("One ", "question?");
        assertThat(c).isEqualTo(new Completion("One question?", FinishReason.STOP, 120, 3));
        assertThat(metered).containsExactly("120/3"); // the provider's own count
    }

    @Test
    void aFailedCallIsChargedAnEstimateOfWhatWasSentAndReceived() {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("x".repeat(400))).build();
        assertThatThrownBy(() -> client.stream(model(h -> {
            h.onPartialResponse("y".repeat(40));
            h.onError(new IOException("Connection reset"));
        }), request, LONG, LONG, d -> { }, (in, out) -> metered.add(in + "/" + out))).isInstanceOf(LlmFailure.class);
        // 401 characters sent (the message and a separator) and 40 received, at four characters a token, rounded up
        assertThat(metered).containsExactly("101/10");
    }

    @Test
    void aConsumerThatRefusesTheTextEndsTheCallAndItIsStillCharged() {
        assertThatThrownBy(() -> client.stream(model(h -> h.onPartialResponse("leak")), REQUEST, LONG, LONG, d -> {
            throw new LlmFailure.Refused("refused", false);
        }, (in, out) -> metered.add(in + "/" + out))).isInstanceOf(LlmFailure.Refused.class);
        assertThat(metered).containsExactly("1/1");
    }

    @Test
    void aSilentModelHitsTheFirstTokenTimeout() {
        assertThatThrownBy(() -> client.stream(model(h -> { }), REQUEST, Duration.ofMillis(200), LONG, d -> { }, TokenMeter.NONE))
                .isInstanceOfSatisfying(LlmFailure.class, e -> {
                    assertThat(e.code()).isEqualTo(LlmFailure.Code.LLM_TIMEOUT);
                    assertThat(e.deltasSent()).isFalse();
                    assertThat(e.getMessage()).contains("200 ms");
                });
    }

    @Test
    void aRefusedConnectionIsTransientAndABrokenStreamIsACut() {
        assertThatThrownBy(() -> client.stream(model(h -> h.onError(new RuntimeException(new ConnectException("refused")))),
                REQUEST, LONG, LONG, d -> { }, TokenMeter.NONE)).isInstanceOf(LlmFailure.Transient.class);
        assertThatThrownBy(() -> client.stream(model(h -> {
            h.onPartialResponse("Half ");
            h.onError(new IOException("Connection reset"));
        }), REQUEST, LONG, LONG, d -> { }, TokenMeter.NONE)).isInstanceOfSatisfying(LlmFailure.class, e -> {
            assertThat(e).isNotInstanceOf(LlmFailure.Transient.class);
            assertThat(e.code()).isEqualTo(LlmFailure.Code.LLM_STREAM_CUT);
            assertThat(e.deltasSent()).isTrue();
        });
        assertThatThrownBy(() -> client.stream(model(h -> h.onError(new dev.langchain4j.exception.HttpException(401, "bad key"))),
                REQUEST, LONG, LONG, d -> { }, TokenMeter.NONE)).isInstanceOfSatisfying(LlmFailure.class, e -> {
            assertThat(e).isNotInstanceOf(LlmFailure.Transient.class);
            assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("bad key");
        });
    }

    /** A model whose callbacks run on another thread, as a real HTTP client's do. */
    private static StreamingChatModel model(Consumer<StreamingChatResponseHandler> script) {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                CompletableFuture.runAsync(() -> script.accept(handler));
            }
        };
    }
}
