package dev.mlsdmock.web;

import dev.mlsdmock.error.Overloaded;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** An exhausted resource is "busy", not "broken": 503 with Retry-After instead of 500. */
class OverloadMappingTest {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @Test
    void aPoolAcquisitionTimeoutWrappedByHibernateIsA503WithRetryAfter() {
        // What Hibernate throws when Agroal gives up waiting for a pooled connection.
        Exception e = new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));
        Response response = mappers.unexpected(e);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(Overloaded.RETRY_AFTER_SECONDS));
        assertThat(((ApiError) response.getEntity()).error()).isEqualTo("overloaded");
    }

    @Test
    void otherFailuresStayInternalErrors() {
        Response response = mappers.unexpected(new IllegalStateException("a bug", new SQLException("syntax error")));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(Overloaded.isCause(new IllegalStateException("a bug"))).isFalse();
    }
}
