package kr.qfeedback.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Routes another part of the service adds to the API's router (the staff console), with the API's role checks at hand. */
@FunctionalInterface
public interface RouteMount {
    void mount(Router router, Vertx vertx, FeedbackApi api);
}
