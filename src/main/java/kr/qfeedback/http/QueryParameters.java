package kr.qfeedback.http;

import io.vertx.ext.web.RoutingContext;
import kr.qfeedback.wire.ApiError;

/** Query parameters read strictly: a bad escape or a number out of range is a 400 naming the parameter. */
final class QueryParameters {
    private QueryParameters() {}

    static int wholeNumber(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value;
        try {
            value = ctx.request().getParam(name);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(name, "The query string is not valid URL encoding.");
        }
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, name + " must be a whole number from " + min + " to " + max + ".");
        }
    }
}
