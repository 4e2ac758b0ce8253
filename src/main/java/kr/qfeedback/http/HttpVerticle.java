package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** One event-loop instance of the HTTP server; several instances share the port. */
final class HttpVerticle extends VerticleBase {
    private final FeedbackApi api;
    private final int port;
    private HttpServer server;

    HttpVerticle(FeedbackApi api, int port) {
        this.api = api;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("0.0.0.0").setCompressionSupported(false))
                .requestHandler(api.router(vertx))
                .listen()
                .onSuccess(s -> {
                    server = s;
                    api.stop().add(s);
                });
    }

    int actualPort() {
        return server == null ? -1 : server.actualPort();
    }
}
