package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP side of a graceful stop: whether this node is stopping, how many requests it is
 * answering, and its servers (one per event-loop instance), so that a stop can close them all.
 *
 * <p>Every request past the health routes passes {@link #track}: two {@link LongAdder} increments and
 * an end handler, no lock. Once {@link #beginStopping} has been called, readiness answers 503 and
 * every answer carries {@code Connection: close}, and its connection is closed by the server once
 * the answer is written, so that keep-alive clients move away one answer at a time, never in the
 * middle of one.
 */
public final class ServerStop {
    private final LongAdder started = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    /** How long a connection asked to close after its answer may take to write that answer. */
    private volatile Duration closeAfterAnswer = Duration.ofSeconds(20);

    /** From now on readiness answers 503 and every answer asks its client to close the connection. */
    public void beginStopping(Duration grace) {
        closeAfterAnswer = grace;
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Requests begun (past the health routes) whose answer has not been written yet. */
    public long inFlight() {
        long done = finished.sum(); // read first: begun ≥ done holds for what is read after
        return Math.max(0, started.sum() - done);
    }

    /** Requests begun (past the health routes) since the start. */
    public long started() {
        return started.sum();
    }

    /** The first route after the health routes: counts the request and, while stopping, closes its connection after it. */
    void track(RoutingContext ctx) {
        started.increment();
        ctx.addEndHandler(ignored -> finished.increment());
        if (stopping) {
            closeAfterAnswer(ctx);
        }
        ctx.next();
    }

    /** While stopping: the answer says {@code Connection: close} and the server closes the connection once it is written. */
    void closeAfterAnswer(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        // Vert.x closes an HTTP/1.x connection being shut down as soon as its answer in progress is written.
        ctx.request().connection().shutdown(closeAfterAnswer);
    }

    void add(HttpServer server) {
        servers.add(server);
    }

    /**
     * Closes every server gracefully: stops accepting at once, closes idle connections, lets the
     * answers in progress be written, and closes what is left after {@code timeout}.
     */
    public Future<Void> shutdownServers(Duration timeout) {
        return Future.all(servers.stream().map(s -> s.shutdown(timeout)).toList())
                .mapEmpty();
    }
}
