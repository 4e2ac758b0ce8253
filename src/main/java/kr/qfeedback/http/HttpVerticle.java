package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;

/** One event-loop instance of the HTTP server; several instances share the port. */
final class HttpVerticle extends VerticleBase {
    private final FeedbackApi api;
    private final int port;
    private final TlsFiles tls;
    private final Listener listener;
    private final ConnectionGuard connections;
    private final RequestDeadline deadline;
    private HttpServer server;

    /** {@code tls} null serves plain HTTP; {@code connections} is shared by the listener's instances. */
    HttpVerticle(
            FeedbackApi api,
            int port,
            TlsFiles tls,
            Listener listener,
            ConnectionGuard connections,
            RequestDeadline deadline) {
        this.api = api;
        this.port = port;
        this.tls = tls;
        this.listener = listener;
        this.connections = connections;
        this.deadline = deadline;
    }

    @Override
    public Future<?> start() {
        // HTTP/1.1 only: without h2c a connection is an HTTP connection (watched, counted) as soon as it is accepted.
        HttpServerOptions options = new HttpServerOptions()
                .setPort(port)
                .setHost("0.0.0.0")
                .setCompressionSupported(false)
                .setHttp2ClearTextEnabled(false);
        if (tls != null) {
            options.setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(tls.cert().toString())
                            .setKeyPath(tls.key().toString()));
        }
        Router router = api.router(vertx, listener);
        // Before every route of the API: the idle watch and the request timeout see every request.
        router.route().order(-2).handler(connections::track);
        router.route().order(-1).handler(deadline::arm);
        return vertx.createHttpServer(options)
                .connectionHandler(connection -> connections.connected(vertx, connection))
                .requestHandler(router)
                .listen()
                .onSuccess(s -> {
                    server = s;
                    api.stop().add(s);
                    api.metrics().eventLoops().probe(vertx);
                });
    }

    int actualPort() {
        return server == null ? -1 : server.actualPort();
    }
}
