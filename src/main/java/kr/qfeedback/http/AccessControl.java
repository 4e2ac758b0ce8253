package kr.qfeedback.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import kr.qfeedback.wire.ApiError;

/**
 * Who may call what: every endpoint but /health/* needs a known bearer token, some a role. A
 * failed authentication is counted and logged by source (never with the token), and a source that
 * fails too often is answered 429 for a while. The caller's audit name stays with the request.
 */
public final class AccessControl {
    private static final String CALLER = "qf.caller";

    private final TokenRegistry tokens;
    private final FailedAuthentications failedAuthentications = new FailedAuthentications();

    AccessControl(TokenRegistry tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
    }

    /** Lets any known token through (operations, reading the history, the console's look-ups). */
    public void requireAnyRole(RoutingContext ctx) {
        Optional<TokenRegistry.Caller> caller = authenticated(ctx);
        if (caller.isPresent()) {
            ctx.put(CALLER, caller.get());
            ctx.next();
        }
    }

    /** Lets through only a token that has {@code role}; 403 FORBIDDEN for another known token. */
    public void requireRole(RoutingContext ctx, Role role) {
        Optional<TokenRegistry.Caller> caller = authenticated(ctx);
        if (caller.isEmpty()) {
            return;
        }
        if (!caller.get().has(role)) {
            Answers.error(ctx, ApiError.forbidden(role.label()));
            return;
        }
        ctx.put(CALLER, caller.get());
        ctx.next();
    }

    /** Lets through a token that has either role; 403 FORBIDDEN naming both for another known token. */
    public void requireEither(RoutingContext ctx, Role one, Role other) {
        Optional<TokenRegistry.Caller> caller = authenticated(ctx);
        if (caller.isEmpty()) {
            return;
        }
        if (!caller.get().has(one) && !caller.get().has(other)) {
            Answers.error(ctx, ApiError.forbidden(one.label() + "' or '" + other.label()));
            return;
        }
        ctx.put(CALLER, caller.get());
        ctx.next();
    }

    /** Whether the token that made this request (let through by a role check) has {@code role}. */
    boolean callerHas(RoutingContext ctx, Role role) {
        TokenRegistry.Caller caller = ctx.get(CALLER);
        return caller != null && caller.has(role);
    }

    /** The audit name of the token that made this request (set by the role checks). */
    String caller(RoutingContext ctx) {
        TokenRegistry.Caller caller = ctx.get(CALLER);
        return caller == null ? "unknown" : caller.name();
    }

    /**
     * The caller of a request, or empty when the answer (401, or 429 for a source that failed too
     * often) has been sent.
     */
    private Optional<TokenRegistry.Caller> authenticated(RoutingContext ctx) {
        String source = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
        long now = System.nanoTime();
        if (failedAuthentications.blocked(source, now)) {
            Answers.error(ctx, ApiError.tooManyAttempts());
            return Optional.empty();
        }
        Optional<TokenRegistry.Caller> caller = tokens.identify(bearer(ctx));
        if (caller.isEmpty()) {
            failedAuthentications.failed(source, ctx.normalizedPath(), now);
            Answers.error(ctx, ApiError.unauthenticated());
        }
        return caller;
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }
}
