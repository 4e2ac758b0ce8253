package kr.qfeedback.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Deploys the HTTP server on {@code instances} event loops. The first instance binds the
 * configured port (0 = any free port); the others then share the port it got.
 */
public final class HttpService {

    private HttpService() {
    }

    /** Starts the server; the future holds the port it listens on. */
    public static Future<Integer> start(Vertx vertx, FeedbackApi api, int port, int instances) {
        HttpVerticle first = new HttpVerticle(api, port);
        return vertx.deployVerticle(first).compose(id -> {
            int actual = first.actualPort();
            if (instances <= 1) {
                return Future.succeededFuture(actual);
            }
            return vertx.deployVerticle(() -> new HttpVerticle(api, actual), new DeploymentOptions().setInstances(instances - 1))
                    .map(ignored -> actual);
        });
    }
}
