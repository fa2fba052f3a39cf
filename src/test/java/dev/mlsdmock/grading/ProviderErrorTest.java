package dev.mlsdmock.grading;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Users get one fixed sentence per class of provider failure; operators get the text, with secrets masked. */
class ProviderErrorTest {

    private static final String HOST = "llm-7.corp.internal:8443";

    @Test
    void eachFailureMapsToItsClassAndTheSummaryNeverCarriesTheProvidersText() {
        Map<Throwable, ProviderError> cases = Map.of(
                new TimeoutException("read timed out talking to " + HOST), ProviderError.TIMEOUT,
                new RuntimeException(new java.net.SocketTimeoutException("to " + HOST)), ProviderError.TIMEOUT,
                new AuthenticationException("bad key for " + HOST), ProviderError.AUTH,
                new HttpException(403, "forbidden by " + HOST), ProviderError.AUTH,
                new RateLimitException("slow down, " + HOST), ProviderError.RATE_LIMIT,
                new InternalServerException("upstream " + HOST + " died"), ProviderError.UNAVAILABLE,
                new IllegalStateException("wrapped", new ConnectException("Connection refused: " + HOST)), ProviderError.UNAVAILABLE,
                new RuntimeException("status code 502 from " + HOST), ProviderError.UNAVAILABLE,
                new RuntimeException(new JsonParseException(null, "Unexpected character at " + HOST)), ProviderError.BAD_RESPONSE,
                new IllegalStateException("Interview gone on " + HOST), ProviderError.INTERNAL);
        cases.forEach((error, expected) -> {
            assertThat(ProviderError.of(error)).as(error.toString()).isEqualTo(expected);
            assertThat(GradingService.describe(error)).isEqualTo(expected.summary()).doesNotContain("corp.internal");
        });
    }

    @Test
    void operatorsGetTheFullTextWithKeysMasked() {
        Throwable e = new IllegalStateException("grading failed", new AuthenticationException(
                "Incorrect API key provided: sk-live-abcdef123456 (Authorization: Bearer sk-live-abcdef123456) at " + HOST));
        String detail = GradingService.detail(e);
        assertThat(detail).contains("IllegalStateException: grading failed").contains("AuthenticationException")
                .contains(HOST).doesNotContain("abcdef123456");
    }
}
