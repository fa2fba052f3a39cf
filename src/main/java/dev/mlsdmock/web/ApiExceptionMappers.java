package dev.mlsdmock.web;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.error.Overloaded;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** Every REST error leaves as JSON {@code {"error","message"}}, never as an HTML page or an empty body. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    /** With proactive authentication off, a failed form login reaches this mapper instead of the form's error page. */
    private static final String FORM_POST = "/j_security_check";
    private static final String FORM_ERROR_PAGE = "/login.html?error=credentials";

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.code(), e.getMessage()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        if (request.response().headWritten()) {
            // A refused WebSocket upgrade has already been answered by the security layer.
            return null;
        }
        ApiException refused = causeOf(e);
        if (refused != null) {
            // A login refused by a rate limit (429) or a full hashing queue (503), not by a wrong password.
            return api(refused);
        }
        if (FORM_POST.equals(request.path())) {
            // A failed form login: back to the login page, which says the password or name was wrong.
            return Response.seeOther(URI.create(FORM_ERROR_PAGE)).build();
        }
        Response.ResponseBuilder response = Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("unauthorized", "Log in first: send HTTP Basic credentials of an account "
                        + "(create one with POST /api/accounts), or use the browser's login page."));
        // Browsers' own fetch calls must not trigger the native Basic dialog; API clients get the usual challenge.
        if (request.getHeader("X-Requested-With") == null) {
            response.header("WWW-Authenticate", "Basic realm=\"mlsd-mock-interviewer\"");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, "forbidden", "This account may not do that.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 400 -> json(400, "invalid_request", "The request body is not valid JSON of the expected shape: "
                    + rootMessage(e) + ". See docs/api.md.");
            case 404 -> json(404, "not_found", "No such resource. See docs/api.md for the API.");
            case 405 -> json(405, "method_not_allowed", "This HTTP method is not supported here. See docs/api.md.");
            case 406 -> json(406, "not_acceptable", "Ask for application/json.");
            case 415 -> json(415, "unsupported_media_type", "Send the body as application/json.");
            default -> json(status, "http_" + status, e.getMessage() == null ? "Request failed." : e.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Overloaded.isCause(e)) {
            return overloaded(e);
        }
        LOG.error("Unexpected error while serving a request", e);
        return json(500, "internal_error", "Something went wrong on the server; nothing you sent was lost. Try again, "
                + "and report it if it keeps happening.");
    }

    private static ApiException causeOf(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    /** Too busy is not broken: 503 with Retry-After, so clients and load balancers back off and try again. */
    private static Response overloaded(Exception e) {
        LOG.warnf("Overloaded, answered 503: %s", e.toString());
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", String.valueOf(Overloaded.RETRY_AFTER_SECONDS))
                .entity(new ApiError("overloaded", "The server is busy right now; nothing was changed. Try again in "
                        + Overloaded.RETRY_AFTER_SECONDS + " seconds.")).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Jackson messages end with a source excerpt; the first line is the useful part.
        return m.lines().findFirst().orElse(m).replaceAll("\\s*\\(for Object starting at.*", "");
    }

    static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }
}
