package kr.qfeedback.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's connections, shared by all its event-loop instances: at most
 * {@link HttpLimits#maxConnections()} open at once (a connection beyond it is closed as soon as it is
 * accepted, and counted), and each watched by an {@link IdleWatch}.
 */
final class ConnectionGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final HttpLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final Map<HttpConnection, IdleWatch> watches = new ConcurrentHashMap<>();

    ConnectionGuard(HttpLimits limits) {
        this.limits = limits;
    }

    /** The server's connection handler: admits the connection and watches it, or closes it at once. */
    void connected(Vertx vertx, HttpConnection connection) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            refused.increment();
            warnRefused(connection);
            connection.close();
            return;
        }
        IdleWatch watch = new IdleWatch(vertx, connection, limits.idleTimeout().toMillis());
        watches.put(connection, watch);
        connection.closeHandler(ignored -> {
            open.decrementAndGet();
            watches.remove(connection);
            watch.stop();
        });
    }

    /** The first route of every request: the request is in progress on its connection until answered. */
    void track(RoutingContext ctx) {
        IdleWatch watch = watches.get(ctx.request().connection());
        if (watch != null) {
            watch.requestBegins();
            ctx.addEndHandler(ignored -> watch.requestEnds());
        }
        ctx.next();
    }

    /** Connections closed because the listener had {@link HttpLimits#maxConnections()} open. */
    long refused() {
        return refused.sum();
    }

    private void warnRefused(HttpConnection connection) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn(
                    "port {}: {} connections open (QF_HTTP_MAX_CONNECTIONS); new ones are closed at once ({} so far)",
                    connection.localAddress() == null
                            ? "?"
                            : connection.localAddress().port(),
                    limits.maxConnections(),
                    refused.sum());
        }
    }
}
