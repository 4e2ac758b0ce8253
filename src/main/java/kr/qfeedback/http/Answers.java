package kr.qfeedback.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import kr.qfeedback.lifecycle.ClusterUnavailableException;
import kr.qfeedback.lifecycle.RulesBusyException;
import kr.qfeedback.lifecycle.StoppingException;
import kr.qfeedback.wire.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every JSON answer of the API is sent: the status, the content type and the headers every
 * answer carries ({@link ApiHeaders}), once per request; errors always in {@link ApiError}'s
 * envelope, whatever failed.
 */
final class Answers {
    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);
    private static final String JSON = "application/json; charset=utf-8";

    private Answers() {}

    static void json(RoutingContext ctx, int status, JsonObject body) {
        json(ctx, status, body.toBuffer());
    }

    /** Sends JSON bytes, unless an answer has been sent already. */
    static void json(RoutingContext ctx, int status, Buffer body) {
        if (ctx.response().ended()) {
            return;
        }
        ApiHeaders.add(ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON))
                .end(body);
    }

    /** Sends a body of another media type (a calendar), unless an answer has been sent already. */
    static void typed(RoutingContext ctx, String contentType, Buffer body) {
        if (ctx.response().ended()) {
            return;
        }
        ApiHeaders.add(ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, contentType))
                .end(body);
    }

    static void error(RoutingContext ctx, ApiError error) {
        json(ctx, error.status(), error.envelope());
    }

    /**
     * The answer to a publish (direct, or approved from a pending request): 200 when it went live,
     * 422 with {@code RULES_REJECTED} beside the report when the checks refused it, else the failure.
     */
    static void publishOutcome(RoutingContext ctx, io.vertx.core.AsyncResult<JsonObject> result) {
        if (result.failed()) {
            failure(ctx, result.cause());
            return;
        }
        JsonObject json = result.result();
        boolean published = json.getBoolean("published", false);
        if (!published) {
            json.put("error", ApiError.rulesRejected().body());
        }
        json(ctx, published ? 200 : 422, json);
    }

    /**
     * The answer to a request whose work failed: an {@link ApiError} as it is, the lifecycle's
     * refusals as their codes, anything else logged and answered 500 INTERNAL.
     */
    static void failure(RoutingContext ctx, Throwable cause) {
        error(ctx, errorFor(ctx, cause));
    }

    private static ApiError errorFor(RoutingContext ctx, Throwable cause) {
        if (cause instanceof ApiError error) {
            return error;
        }
        if (cause instanceof StoppingException) {
            return ApiError.stopping();
        }
        if (cause instanceof RulesBusyException) {
            return ApiError.rulesBusy();
        }
        if (cause instanceof ClusterUnavailableException c) {
            LOG.warn("request to {} refused by the cluster: {}", ctx.normalizedPath(), c.getMessage());
            return ApiError.unavailable(c.code(), c.getMessage());
        }
        LOG.error(
                "request to {} failed: {}", ctx.normalizedPath(), cause == null ? "unknown" : cause.toString(), cause);
        return ApiError.internal();
    }
}
