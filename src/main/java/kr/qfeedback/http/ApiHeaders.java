package kr.qfeedback.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * The headers every API answer carries besides its type: {@code Cache-Control: no-store} (a
 * decision or a rules report is personal and of its moment: no proxy or browser may keep it) and
 * {@code X-Content-Type-Options: nosniff} (a browser must not read JSON as anything else). Made once.
 */
final class ApiHeaders {
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");

    private ApiHeaders() {}

    static HttpServerResponse add(HttpServerResponse response) {
        return response.putHeader(CACHE_CONTROL, NO_STORE).putHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
    }
}
