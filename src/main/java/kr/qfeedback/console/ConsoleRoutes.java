package kr.qfeedback.console;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import kr.qfeedback.http.FeedbackApi;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;

/**
 * The staff console: static pages from the classpath folder {@code console/} at {@code /console/},
 * the QR codes of previewed links at {@code /console/qr.svg}, and the qualification picker at
 * {@code /v1/reference/qualifications}. The pages hold no data and need no token (a browser cannot
 * send one when it opens a page); everything they show comes from token-protected endpoints that
 * the page calls with the token the user typed. Every {@code /console} answer carries a strict
 * Content-Security-Policy (same-origin scripts, styles and images only; no framing).
 */
public final class ConsoleRoutes {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
    private static final String JSON = "application/json; charset=utf-8";

    private ConsoleRoutes() {}

    /** Adds the console routes; mount them before the router's final 404 route. */
    public static void mount(Router router, Vertx vertx, FeedbackApi api) {
        router.route("/console/*").handler(ConsoleRoutes::securityHeaders);
        router.route("/console").handler(ConsoleRoutes::securityHeaders);
        // Vert.x matches "/console" for "/console/" too: redirect only the path without the slash.
        router.get("/console").handler(ctx -> {
            if (ctx.request().path().equals("/console")) {
                ctx.response()
                        .setStatusCode(301)
                        .putHeader(HttpHeaders.LOCATION, "/console/")
                        .end();
            } else {
                ctx.next();
            }
        });
        router.get("/console/qr.svg").handler(api.access()::requireAnyRole).handler(ConsoleRoutes::handleQr);
        router.get("/console/*")
                .handler(StaticHandler.create("console")
                        .setIndexPage("index.html")
                        .setDirectoryListing(false)
                        .setIncludeHidden(false)
                        .setMaxAgeSeconds(60)
                        .setDefaultContentEncoding("UTF-8"));
        router.get("/v1/reference/qualifications")
                .handler(api.access()::requireAnyRole)
                .handler(ctx -> handleQualifications(ctx, api));
    }

    static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin");
        ctx.next();
    }

    static void handleQr(RoutingContext ctx) {
        String text;
        try {
            text = ctx.request().getParam("text");
        } catch (IllegalArgumentException e) {
            fail(ctx, ApiError.invalid("text", "The query string is not valid URL encoding."));
            return;
        }
        String problem = QrSvg.rejection(text);
        if (problem != null) {
            fail(ctx, ApiError.invalid("text", problem));
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml")
                .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
                .end(QrSvg.svg(text));
    }

    static void handleQualifications(RoutingContext ctx, FeedbackApi api) {
        RuleSet active = api.activeRules().current().orElse(null);
        if (active == null) {
            fail(ctx, ApiError.notReady());
            return;
        }
        String q;
        String limitText;
        try {
            q = ctx.request().getParam("q");
            limitText = ctx.request().getParam("limit");
        } catch (IllegalArgumentException e) {
            fail(ctx, ApiError.invalid("q", "The query string is not valid URL encoding."));
            return;
        }
        if (q != null && q.length() > 100) {
            fail(ctx, ApiError.invalid("q", "q is at most 100 characters: part of a name or code, e.g. 정보처리 or 1320."));
            return;
        }
        int limit = QualificationSearch.DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > QualificationSearch.MAX_LIMIT) {
                fail(
                        ctx,
                        ApiError.invalid(
                                "limit",
                                "limit must be a whole number from 1 to " + QualificationSearch.MAX_LIMIT + "."));
                return;
            }
        }
        ReferenceCatalogue catalogue = active.reference();
        send(ctx, 200, QualificationSearch.search(catalogue, q, limit));
    }

    private static void fail(RoutingContext ctx, ApiError error) {
        send(ctx, error.status(), error.envelope());
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended()) {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                    .end(body.toBuffer());
        }
    }
}
