package kr.qfeedback.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;

/**
 * Deploys the HTTP server on {@code instances} event loops. The first instance binds the
 * configured port (0 = any free port); the others then share the port it got.
 */
public final class HttpService {
    private static final int FREE_PORT_ATTEMPTS = 5;

    private HttpService() {}

    /** Starts the plain HTTP server; the future holds the port it listens on. */
    public static Future<Integer> start(Vertx vertx, FeedbackApi api, int port, int instances) {
        return start(vertx, api, port, instances, null);
    }

    /** Starts the server answering every path, over HTTPS when {@code tls} is given; the future holds the port it listens on. */
    public static Future<Integer> start(Vertx vertx, FeedbackApi api, int port, int instances, TlsFiles tls) {
        return start(vertx, api, port, instances, tls, Listener.ALL);
    }

    /** Starts a server answering the paths of {@code listener}; the future holds the port it listens on. */
    public static Future<Integer> start(
            Vertx vertx, FeedbackApi api, int port, int instances, TlsFiles tls, Listener listener) {
        return start(vertx, api, port, instances, tls, listener, HttpLimits.DEFAULTS);
    }

    /**
     * Starts a server answering the paths of {@code listener} within {@code limits} (its connection cap
     * shared by its instances); the future holds the port it listens on.
     */
    public static Future<Integer> start(
            Vertx vertx, FeedbackApi api, int port, int instances, TlsFiles tls, Listener listener, HttpLimits limits) {
        Server server = new Server(api, tls, listener, new ConnectionGuard(limits), new RequestDeadline(limits));
        if (port == 0 && instances > 1) {
            // Vert.x shares one listening socket between instances only when they name the same
            // port: a server bound to port 0 is never shared, so the other instances asking for
            // the port it got fail with BindException. Pick a free port first and name it.
            return startOnFreePort(vertx, server, instances, FREE_PORT_ATTEMPTS);
        }
        return deploy(vertx, server, port, instances);
    }

    /** What every instance of one listener shares. */
    private record Server(
            FeedbackApi api, TlsFiles tls, Listener listener, ConnectionGuard connections, RequestDeadline deadline) {
        HttpVerticle verticle(int port) {
            return new HttpVerticle(api, port, tls, listener, connections, deadline);
        }
    }

    private static Future<Integer> startOnFreePort(Vertx vertx, Server server, int instances, int attemptsLeft) {
        return deploy(vertx, server, freePort(), instances)
                .recover(e -> attemptsLeft > 1 && e instanceof BindException
                        ? startOnFreePort(vertx, server, instances, attemptsLeft - 1)
                        : Future.failedFuture(e));
    }

    private static Future<Integer> deploy(Vertx vertx, Server server, int port, int instances) {
        HttpVerticle first = server.verticle(port);
        return vertx.deployVerticle(first).compose(id -> {
            int actual = first.actualPort();
            if (instances <= 1) {
                return Future.succeededFuture(actual);
            }
            return vertx.deployVerticle(
                            () -> server.verticle(actual), new DeploymentOptions().setInstances(instances - 1))
                    .map(ignored -> actual);
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port could be found for QF_HTTP_PORT=0.", e);
        }
    }
}
