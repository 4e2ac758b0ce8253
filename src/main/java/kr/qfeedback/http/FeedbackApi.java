package kr.qfeedback.http;

import kr.qfeedback.wire.DecisionJson;
import kr.qfeedback.wire.DecisionService;
import kr.qfeedback.wire.FeedbackRequestParser;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.lifecycle.ClusterStatus;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: one routing method ({@link #router}) that the server and the tests share. Handlers
 * are named {@code handleX}. Every error is JSON built by {@link ApiError}; bad input never gets a
 * 500. Candidate ids and birth dates are never logged.
 */
public final class FeedbackApi {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackApi.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String CALLER = "qf.caller";

    private final ActiveRuleSet rules;
    private final TokenRegistry tokens;
    private final ServiceMetrics metrics;
    private final DecisionService decisions;
    private final Buffer openApi;

    private final RulesApi rulesApi;
    private final DecisionRecords records;
    private final ClusterStatus cluster;
    private final ServerStop stop = new ServerStop();
    private final FailedAuthentications failedAuthentications = new FailedAuthentications();
    /** Routes other parts add (the staff console), so that this API needs to know none of them. */
    private final List<RouteMount> mounts = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Benchmark only: also route POST /bench/echo ({@code QF_BENCH_ECHO=true}; see {@link BenchEcho}). */
    private boolean benchEcho = BenchEcho.enabled(System.getenv());

    public FeedbackApi(ActiveRuleSet rules, TokenRegistry tokens, ServiceMetrics metrics, Clock clock) {
        this(rules, tokens, metrics, clock, null);
    }

    /** With {@code rulesApi} the router also serves the rules lifecycle endpoints for policy staff. */
    public FeedbackApi(ActiveRuleSet rules, TokenRegistry tokens, ServiceMetrics metrics, Clock clock, RulesApi rulesApi) {
        this(rules, tokens, metrics, clock, rulesApi, null, null);
    }

    /**
     * With {@code records} every decision is kept for {@code GET /v1/decisions/{decisionId}}; with
     * {@code cluster} readiness waits for the member to join and /metrics shows the cluster.
     */
    public FeedbackApi(ActiveRuleSet rules, TokenRegistry tokens, ServiceMetrics metrics, Clock clock, RulesApi rulesApi,
                       DecisionRecords records, ClusterStatus cluster) {
        this.rulesApi = rulesApi;
        this.records = records;
        this.cluster = cluster;
        this.rules = Objects.requireNonNull(rules, "rules must not be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        this.decisions = new DecisionService(Objects.requireNonNull(clock, "clock must not be null"));
        this.openApi = Buffer.buffer(resource("/openapi.yaml"));
    }

    /** Turns the benchmark echo endpoint on for routers built from now on (tests; the server reads QF_BENCH_ECHO). */
    FeedbackApi enableBenchEcho() {
        benchEcho = true;
        return this;
    }

    public Router router(Vertx vertx) {
        return router(vertx, Listener.ALL);
    }

    /** The routes a port of the given kind answers (see {@link Listener}). */
    public Router router(Vertx vertx, Listener listener) {
        Router router = Router.router(vertx);
        // First of all: every answer is counted, whichever part of the API (rules, console, errors) sent it.
        router.route().handler(this::counted);
        router.get("/health/live").handler(this::handleLive);
        router.get("/health/ready").handler(this::handleReady);
        if (listener != Listener.ALL) {
            router.route().handler(ctx -> {
                if (listener.answers(ctx.normalizedPath())) {
                    ctx.next();
                } else {
                    fail(ctx, ApiError.notFound(ctx.normalizedPath()));
                }
            });
        }
        // After the health routes: a stop waits for the requests it counts, not for load balancers' probes.
        router.route().handler(stop::track);
        router.get("/metrics").handler(this::requireAnyRole).handler(this::handleMetrics);
        router.get("/openapi.yaml").handler(this::requireAnyRole).handler(this::handleOpenApi);
        router.route("/v1/feedback").handler(ctx -> requireRole(ctx, Role.DECIDE));
        router.post("/v1/feedback").handler(this::requireJson);
        router.post("/v1/feedback").handler(BodyHandler.create(false).setBodyLimit(FeedbackRequestParser.MAX_BODY_BYTES));
        router.post("/v1/feedback").handler(this::handleFeedback);
        router.route("/v1/feedback").handler(ctx -> fail(ctx, ApiError.methodNotAllowed()));
        router.get("/v1/decisions/:decisionId").handler(ctx -> requireRole(ctx, Role.AUTHOR)).handler(this::handleDecisionRecord);
        if (benchEcho) {
            BenchEcho.mount(router, this);
        }
        if (rulesApi != null) {
            rulesApi.mount(router, vertx, this);
        }
        for (RouteMount mount : mounts) {
            mount.mount(router, vertx, this);
        }
        router.route().last().handler(ctx -> fail(ctx, ApiError.notFound(ctx.normalizedPath())));
        router.errorHandler(413, ctx -> fail(ctx, ApiError.tooLarge(bodyLimit(ctx))));
        router.errorHandler(405, ctx -> fail(ctx, ApiError.methodNotAllowed()));
        router.errorHandler(404, ctx -> fail(ctx, ApiError.notFound(ctx.normalizedPath())));
        router.errorHandler(500, this::handleFailure);
        return router;
    }

    /** The limit the body of this request was over: the rules endpoints take uploads far larger than a decision request. */
    private long bodyLimit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return rulesApi != null && path != null && path.startsWith("/v1/rules/") ? RulesApi.bodyLimit(path) : FeedbackRequestParser.MAX_BODY_BYTES;
    }

    /** This server's stop: readiness, the requests in flight and the listening servers. */
    /** Adds routes for routers built from now on (the console: {@code ConsoleRoutes::mount}). */
    public FeedbackApi mounting(RouteMount mount) {
        mounts.add(java.util.Objects.requireNonNull(mount, "mount must not be null"));
        return this;
    }

    public ServerStop stop() {
        return stop;
    }

    void handleLive(RoutingContext ctx) {
        if (stop.stopping()) {
            stop.closeAfterAnswer(ctx);
        }
        send(ctx, 200, new JsonObject().put("status", "UP"));
    }

    void handleReady(RoutingContext ctx) {
        Optional<RuleSet> active = rules.current();
        boolean stopping = stop.stopping();
        boolean ready = !stopping && active.isPresent() && (cluster == null || cluster.joined());
        if (stopping) {
            stop.closeAfterAnswer(ctx);
        }
        JsonObject body = new JsonObject().put("status", stopping ? "STOPPING" : ready ? "READY" : "NOT_READY")
                .put("rulesVersion", active.map(RuleSet::version).orElse(null));
        if (cluster != null) {
            body.put("cluster", new JsonObject().put("joined", cluster.joined()).put("members", cluster.members()));
        }
        send(ctx, ready ? 200 : 503, body);
    }

    void handleDecisionRecord(RoutingContext ctx) {
        String id = ctx.pathParam("decisionId");
        if (id == null || id.isEmpty() || id.length() > 64) {
            fail(ctx, ApiError.unknownDecision(id == null ? "" : id.substring(0, Math.min(id.length(), 64))));
            return;
        }
        if (records == null) {
            fail(ctx, ApiError.unknownDecision(id));
            return;
        }
        io.vertx.core.Future.fromCompletionStage(records.find(id), ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.failed()) {
                LOG.warn("the decision record could not be read: {}", result.cause().toString());
                fail(ctx, ApiError.clusterUnavailable());
            } else if (result.result().isEmpty()) {
                fail(ctx, ApiError.unknownDecision(id));
            } else {
                send(ctx, 200, result.result().get());
            }
        });
    }

    void handleMetrics(RoutingContext ctx) {
        Optional<RuleSet> active = rules.current();
        ApiHeaders.add(ctx.response()).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.render(active.map(RuleSet::version).orElse(null),
                        !stop.stopping() && active.isPresent() && (cluster == null || cluster.joined()))
                        + (cluster == null ? "" : cluster.metrics()));
    }

    void handleOpenApi(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(openApi);
    }

    void handleFeedback(RoutingContext ctx) {
        try {
            decide(ctx);
        } catch (ApiError error) {
            fail(ctx, error);
        }
    }

    private void decide(RoutingContext ctx) {
        RuleSet active = rules.current().orElseThrow(ApiError::notReady);
        boolean explain = explain(ctx);
        FeedbackRequest request = decisions.accept(ctx.body().buffer(), active);
        long started = System.nanoTime();
        FeedbackDecision decision = decisions.decide(request, active);
        metrics.decision(decision.outcome().code(), System.nanoTime() - started);
        if (records != null) {
            records.record(decision, request.candidateId());
        }
        send(ctx, 200, DecisionJson.toBuffer(decision, explain));
    }

    /**
     * The decision path of {@code POST /v1/feedback} for one body, without HTTP, metrics or a
     * decision record: what {@link DecisionWarmup} runs before the server listens. Returns the
     * response bytes.
     */
    Buffer decideForWarmup(Buffer body) {
        RuleSet active = rules.current().orElseThrow(ApiError::notReady);
        return DecisionJson.toBuffer(decisions.decide(body, active), false);
    }

    private static boolean explain(RoutingContext ctx) {
        if (ctx.request().query() == null) {
            return false; // no query string: nothing to decode (the common case)
        }
        try {
            return "true".equalsIgnoreCase(ctx.request().getParam("explain"));
        } catch (IllegalArgumentException e) {
            // Vert.x decodes the query string lazily and throws on a malformed escape such as %zz
            throw ApiError.invalid("explain", "The query string is not valid URL encoding; send ?explain=true or leave it out.");
        }
    }

    /** The active rule set, for routes mounted from other packages (the staff console's reference lookup). */
    public ActiveRuleSet activeRules() {
        return rules;
    }

    /** Every endpoint but /health/* needs a known token (contract); operations accept either role. */
    public void requireAnyRole(RoutingContext ctx) {
        Optional<TokenRegistry.Caller> caller = authenticated(ctx);
        if (caller.isEmpty()) {
            return;
        }
        ctx.put(CALLER, caller.get());
        ctx.next();
    }

    /**
     * The caller of a request, or empty when the answer (401, or 429 for a source that failed too
     * often) has been sent; failures are counted and logged by source, never with the token.
     */
    private Optional<TokenRegistry.Caller> authenticated(RoutingContext ctx) {
        String source = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        long now = System.nanoTime();
        if (failedAuthentications.blocked(source, now)) {
            fail(ctx, ApiError.tooManyAttempts());
            return Optional.empty();
        }
        Optional<TokenRegistry.Caller> caller = tokens.identify(bearer(ctx));
        if (caller.isEmpty()) {
            failedAuthentications.failed(source, ctx.normalizedPath(), now);
            fail(ctx, ApiError.unauthenticated());
        }
        return caller;
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    /** The audit name of the token that made this request (set by the role checks). */
    String caller(RoutingContext ctx) {
        TokenRegistry.Caller caller = ctx.get(CALLER);
        return caller == null ? "unknown" : caller.name();
    }

    void requireRole(RoutingContext ctx, Role role) {
        Optional<TokenRegistry.Caller> caller = authenticated(ctx);
        if (caller.isEmpty()) {
            return;
        }
        if (!caller.get().has(role)) {
            fail(ctx, ApiError.forbidden(role.label()));
            return;
        }
        ctx.put(CALLER, caller.get());
        ctx.next();
    }

    void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        int parameters = type == null ? -1 : type.indexOf(';');
        String mime = type == null ? "" : (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(java.util.Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            fail(ctx, ApiError.unsupportedMediaType(type));
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isWholeNumber(length) && Long.parseLong(length) > FeedbackRequestParser.MAX_BODY_BYTES) {
            fail(ctx, ApiError.tooLarge(FeedbackRequestParser.MAX_BODY_BYTES));
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

    private void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError error) {
            fail(ctx, error);
            return;
        }
        LOG.error("request to {} failed: {}", ctx.normalizedPath(), failure == null ? "unknown" : failure.toString(), failure);
        fail(ctx, ApiError.internal());
    }

    private void fail(RoutingContext ctx, ApiError error) {
        send(ctx, error.status(), error.envelope());
    }

    private void send(RoutingContext ctx, int status, JsonObject body) {
        send(ctx, status, body.toBuffer());
    }

    /** Counts the answer by route and status once it has been written. */
    private void counted(RoutingContext ctx) {
        ctx.addEndHandler(ignored -> metrics.response(
                ctx.currentRoute() == null || ctx.currentRoute().getPath() == null ? "other" : ctx.currentRoute().getPath(),
                ctx.response().getStatusCode()));
        ctx.next();
    }

    private void send(RoutingContext ctx, int status, Buffer body) {
        if (ctx.response().ended()) {
            return;
        }
        ApiHeaders.add(ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON)).end(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = FeedbackApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + name + " is missing from the jar.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
