package kr.qfeedback.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import kr.qfeedback.wire.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code QF_HTTP_REQUEST_TIMEOUT}: a request not answered in time gets 503 REQUEST_TIMEOUT in the
 * error envelope and its connection is closed (its body may be half read). The rules work
 * ({@code POST /v1/rules/*}: validate, publish, rollback, impact) runs as long as it needs once its
 * upload has arrived; only the upload is held to the timeout.
 */
final class RequestDeadline {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);
    private final long millis;

    RequestDeadline(HttpLimits limits) {
        this.millis = limits.requestTimeout().toMillis();
    }

    void arm(RoutingContext ctx) {
        Vertx vertx = ctx.vertx();
        long timer = vertx.setTimer(millis, ignored -> expire(ctx));
        ctx.addEndHandler(ignored -> vertx.cancelTimer(timer));
        if (isRulesWork(ctx)) {
            ctx.request().end().onComplete(ignored -> vertx.cancelTimer(timer));
        }
        ctx.next();
    }

    /** By the path as the router routes it ({@code //v1/rules/publish} is the publish too). */
    static boolean isRulesWork(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return ctx.request().method() == HttpMethod.POST && path != null && path.startsWith("/v1/rules/");
    }

    private void expire(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        HttpConnection connection = ctx.request().connection();
        LOG.warn(
                "{} {} was not answered within {} ms (QF_HTTP_REQUEST_TIMEOUT); answered 503 REQUEST_TIMEOUT",
                ctx.request().method(),
                ctx.normalizedPath(),
                millis);
        if (ctx.response().headWritten()) {
            connection.close();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        ctx.addEndHandler(ignored -> connection.close());
        Answers.error(ctx, ApiError.requestTimeout(millis));
    }
}
