package kr.qfeedback.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.FeedbackRequestParser;

/**
 * Benchmark only, off by default: with {@code QF_BENCH_ECHO=true} the server also answers
 * {@code POST /bench/echo}, which goes through the same checks as {@code POST /v1/feedback} (token
 * with the decide role, JSON content type, 64 KiB body limit), parses the body as JSON and answers
 * it back as JSON with the same content type. {@code bench/http.sh} compares the decision endpoint
 * with it: what the decision costs on top of HTTP and JSON on this server. Not in the contract.
 */
final class BenchEcho {
    static final String ENV = "QF_BENCH_ECHO";
    static final String PATH = "/bench/echo";
    private static final String JSON = "application/json; charset=utf-8";

    private BenchEcho() {}

    /** Whether the environment enables the echo endpoint ({@code QF_BENCH_ECHO=true}, any case). */
    static boolean enabled(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault(ENV, "").strip());
    }

    static void mount(Router router, FeedbackApi api) {
        router.post(PATH).handler(ctx -> api.access().requireRole(ctx, Role.DECIDE));
        router.post(PATH).handler(JsonBodies::requireJson);
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(FeedbackRequestParser.MAX_BODY_BYTES));
        router.post(PATH).handler(BenchEcho::echo);
    }

    private static void echo(RoutingContext ctx) {
        Buffer body;
        try {
            body = new JsonObject(ctx.body().buffer()).toBuffer();
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            ApiHeaders.add(ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, JSON))
                    .end(ApiError.invalid(null, "The body is not a JSON object.")
                            .envelope()
                            .toBuffer());
            return;
        }
        ApiHeaders.add(ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, JSON))
                .end(body); // as the decision's
    }
}
