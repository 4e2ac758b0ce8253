package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

/** One event-loop instance of the HTTP server; several instances share the port. */
final class HttpVerticle extends VerticleBase {
    private final FeedbackApi api;
    private final int port;
    private final TlsFiles tls;
    private final Listener listener;
    private HttpServer server;

    /** {@code tls} null serves plain HTTP. */
    HttpVerticle(FeedbackApi api, int port, TlsFiles tls, Listener listener) {
        this.api = api;
        this.port = port;
        this.tls = tls;
        this.listener = listener;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options =
                new HttpServerOptions().setPort(port).setHost("0.0.0.0").setCompressionSupported(false);
        if (tls != null) {
            options.setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(tls.cert().toString())
                            .setKeyPath(tls.key().toString()));
        }
        return vertx.createHttpServer(options)
                .requestHandler(api.router(vertx, listener))
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
