package dev.mlsdmock.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every response, pages and API alike (docs/security.md): a Content-Security-Policy that allows only this
 * origin's own files (no inline script or style, no framing), nosniff, no referrer; and revalidation for the
 * browser app's unversioned files, so an upgrade reaches browsers at once. Quarkus's own tools under {@code /q/} (the
 * dev UI, Swagger UI when enabled) use inline scripts and keep their defaults.
 */
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::addOnEnd);
    }

    private static void addOnEnd(RoutingContext context) {
        context.addHeadersEndHandler(v -> apply(context.request().path(), context.response().headers()));
        context.next();
    }

    static void apply(String path, MultiMap headers) {
        if (path == null || path.startsWith("/q/")) {
            return;
        }
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (isAppFile(path)) {
            // The files are not versioned by name: browsers must ask (If-Modified-Since) before using a copy.
            headers.set("Cache-Control", "no-cache");
        }
    }

    private static boolean isAppFile(String path) {
        return path.equals("/") || path.endsWith(".html") || path.endsWith(".js") || path.endsWith(".css")
                || path.endsWith(".svg");
    }
}
