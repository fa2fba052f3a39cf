package dev.mlsdmock.grading;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import jakarta.ws.rs.WebApplicationException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed grading tells the user: one fixed sentence per class of failure, never the provider's own text
 * (error bodies may name internal hosts or echo request headers). Operators get the full exception in the log.
 */
public enum ProviderError {

    TIMEOUT("The AI grader did not answer in time."),
    AUTH("The AI provider refused the grader's credentials or settings; an operator needs to check the grading.llm "
            + "configuration."),
    RATE_LIMIT("The AI provider is limiting how many requests this server may send; try again in a few minutes."),
    UNAVAILABLE("The AI provider could not be reached or had a server error; try again later."),
    BAD_RESPONSE("The AI provider's answer could not be read as a grade."),
    INTERNAL("An unexpected error stopped grading; the server log has the details for the operators.");

    private static final Pattern STATUS_IN_MESSAGE =
            Pattern.compile("(?:status(?: code)?|HTTP)[ :=]*(\\d{3})", Pattern.CASE_INSENSITIVE);

    private final String sentence;

    ProviderError(String sentence) {
        this.sentence = sentence;
    }

    /** The fixed sentence for users, with the class's id in front: {@code llm_timeout: The AI grader did not ...}. */
    public String summary() {
        return "llm_" + name().toLowerCase(java.util.Locale.ROOT) + ": " + sentence;
    }

    public String sentence() {
        return sentence;
    }

    /** The class of a failure, from the exception types and HTTP status in its cause chain. */
    public static ProviderError of(Throwable error) {
        Integer status = status(error);
        if (status != null) {
            if (status == 401 || status == 403 || status == 400 || status == 404) {
                return AUTH;
            }
            if (status == 408 || status == 504) {
                return TIMEOUT;
            }
            if (status == 429) {
                return RATE_LIMIT;
            }
            if (status >= 500) {
                return UNAVAILABLE;
            }
        }
        for (Throwable t = error; t != null; t = next(t)) {
            String type = t.getClass().getSimpleName();
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || type.contains("Timeout")) {
                return TIMEOUT;
            }
            if (t instanceof AuthenticationException || t instanceof InvalidRequestException
                    || t instanceof ModelNotFoundException) {
                return AUTH;
            }
            if (t instanceof RateLimitException) {
                return RATE_LIMIT;
            }
            // Before IOException: Jackson's exceptions are IOExceptions.
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException || type.contains("Json")
                    || type.contains("Parse")) {
                return BAD_RESPONSE;
            }
            if (t instanceof InternalServerException || t instanceof UnresolvedModelServerException
                    || t instanceof ConnectException || t instanceof UnknownHostException || t instanceof IOException) {
                return UNAVAILABLE;
            }
        }
        return status != null ? UNAVAILABLE : INTERNAL;
    }

    private static Integer status(Throwable error) {
        for (Throwable t = error; t != null; t = next(t)) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return w.getResponse().getStatus();
            }
        }
        for (Throwable t = error; t != null; t = next(t)) {
            if (t.getMessage() != null) {
                Matcher m = STATUS_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
