package kr.qfeedback.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.FeedbackRequestParser;

/**
 * The check before a decision request's body is read: JSON only (415 otherwise), and a declared
 * length over the 64 KiB limit refused at once (413) instead of after reading it.
 */
final class JsonBodies {
    private JsonBodies() {}

    static void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        int parameters = type == null ? -1 : type.indexOf(';');
        String mime = type == null
                ? ""
                : (parameters < 0 ? type : type.substring(0, parameters))
                        .strip()
                        .toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            Answers.error(ctx, ApiError.unsupportedMediaType(type));
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isWholeNumber(length) && Long.parseLong(length) > FeedbackRequestParser.MAX_BODY_BYTES) {
            Answers.error(ctx, ApiError.tooLarge(FeedbackRequestParser.MAX_BODY_BYTES));
            return;
        }
        ctx.next();
    }

    /** 1 to 18 ASCII digits (what {@link Long#parseLong} reads without overflow). */
    private static boolean isWholeNumber(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
