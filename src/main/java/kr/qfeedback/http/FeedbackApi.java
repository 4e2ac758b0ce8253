package kr.qfeedback.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.lifecycle.ClusterStatus;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.records.KeptRequest;
import kr.qfeedback.records.KeptRequest.Form;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionCalendar;
import kr.qfeedback.wire.DecisionJson;
import kr.qfeedback.wire.DecisionService;
import kr.qfeedback.wire.FeedbackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: one routing method ({@link #router}) that the server and the tests share. Handlers
 * are named {@code handleX}. Every error is JSON built by {@link ApiError}; bad input never gets a
 * 500. Candidate ids and birth dates are never logged.
 */
public final class FeedbackApi {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackApi.class);
    /** A calendar answer's decision id (a JSON answer has it in its body, {@code decisionId}). */
    static final String DECISION_ID_HEADER = "X-Decision-Id";
    /** A calendar answer's rules version (a JSON answer has it in its body, {@code rulesVersion}). */
    static final String RULES_VERSION_HEADER = "X-Rules-Version";

    private final ActiveRuleSet rules;
    private final AccessControl access;
    private final ServiceMetrics metrics;
    private final DecisionService decisions;
    private final OperationsRoutes operations;
    private final HelpdeskView helpdesk;

    private final RulesApi rulesApi;
    private final DecisionRecords records;
    private final ServerStop stop = new ServerStop();
    /** Routes other parts add (the staff console), so that this API needs to know none of them. */
    private final List<RouteMount> mounts = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Benchmark only: also route POST /bench/echo ({@code QF_BENCH_ECHO=true}; see {@link BenchEcho}). */
    private boolean benchEcho = BenchEcho.enabled(System.getenv());

    public FeedbackApi(ActiveRuleSet rules, TokenRegistry tokens, ServiceMetrics metrics, Clock clock) {
        this(rules, tokens, metrics, clock, null);
    }

    /** With {@code rulesApi} the router also serves the rules lifecycle endpoints for policy staff. */
    public FeedbackApi(
            ActiveRuleSet rules, TokenRegistry tokens, ServiceMetrics metrics, Clock clock, RulesApi rulesApi) {
        this(rules, tokens, metrics, clock, rulesApi, null, null);
    }

    /**
     * With {@code records} every decision is kept for {@code GET /v1/decisions/{decisionId}}; with
     * {@code cluster} readiness waits for the member to join and /metrics shows the cluster.
     */
    public FeedbackApi(
            ActiveRuleSet rules,
            TokenRegistry tokens,
            ServiceMetrics metrics,
            Clock clock,
            RulesApi rulesApi,
            DecisionRecords records,
            ClusterStatus cluster) {
        this.rulesApi = rulesApi;
        this.records = records;
        this.rules = Objects.requireNonNull(rules, "rules must not be null");
        this.access = new AccessControl(tokens);
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        this.decisions = new DecisionService(Objects.requireNonNull(clock, "clock must not be null"));
        this.operations = new OperationsRoutes(
                rules, metrics, stop, records, cluster, access, rulesApi == null ? null : rulesApi.audit(), clock);
        this.helpdesk = new HelpdeskView(
                rules,
                rulesApi == null ? null : rulesApi.storedRuleSets(),
                records,
                new RecordReadAudit(access, rulesApi == null ? null : rulesApi.audit(), clock));
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
        router.get("/health/live").handler(operations::handleLive);
        router.get("/health/ready").handler(operations::handleReady);
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
        router.get("/metrics").handler(access::requireAnyRole).handler(operations::handleMetrics);
        router.get("/openapi.yaml").handler(access::requireAnyRole).handler(operations::handleOpenApi);
        router.route("/v1/feedback").handler(ctx -> access.requireRole(ctx, Role.DECIDE));
        router.post("/v1/feedback").handler(JsonBodies::requireJson);
        router.post("/v1/feedback")
                .handler(BodyHandler.create(false).setBodyLimit(FeedbackRequestParser.MAX_BODY_BYTES));
        router.post("/v1/feedback").handler(this::handleFeedback);
        router.route("/v1/feedback").handler(ctx -> fail(ctx, ApiError.methodNotAllowed()));
        // The author role reads the record as it always has; the helpdesk role, the page rebuilt.
        router.get("/v1/decisions/:decisionId")
                .handler(ctx -> access.requireEither(ctx, Role.AUTHOR, Role.HELPDESK))
                .handler(ctx -> {
                    if (access.callerHas(ctx, Role.AUTHOR)) {
                        operations.handleDecisionRecord(ctx);
                    } else {
                        helpdesk.handle(ctx);
                    }
                });
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
        router.errorHandler(500, ctx -> Answers.failure(ctx, ctx.failure()));
        return router;
    }

    /** The limit the body of this request was over: the rules endpoints take uploads far larger than a decision request. */
    private long bodyLimit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return rulesApi != null && path != null && path.startsWith("/v1/rules/")
                ? RulesApi.bodyLimit(path)
                : FeedbackRequestParser.MAX_BODY_BYTES;
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
        Buffer body = ctx.body().buffer();
        FeedbackRequest request = decisions.accept(body, active);
        long started = System.nanoTime();
        FeedbackDecision decision = decisions.decide(request, active);
        metrics.decision(decision.outcome().code(), System.nanoTime() - started);
        boolean calendar = wantsCalendar(ctx);
        if (records != null) {
            // The accepted request: what the helpdesk view decides again (never logged).
            records.record(decision, request.candidateId(), new KeptRequest(request, Form.of(calendar, explain)));
        }
        if (calendar) {
            if (!ctx.response().ended()) {
                // The JSON answer names its decision in the body; a calendar has no place for it, and
                // without the id the helpdesk could not look up the calendar a candidate got.
                ctx.response()
                        .putHeader(DECISION_ID_HEADER, decision.decisionId())
                        .putHeader(RULES_VERSION_HEADER, decision.rulesVersion());
            }
            Answers.typed(ctx, DecisionCalendar.MEDIA_TYPE, Buffer.buffer(DecisionCalendar.toText(decision)));
        } else {
            Answers.json(ctx, 200, DecisionJson.toBuffer(decision, explain));
        }
    }

    /** {@code Accept: text/calendar}: the decision's reminders as an RFC 5545 calendar instead of JSON. */
    private static boolean wantsCalendar(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains("text/calendar") && !accept.contains("application/json");
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
            throw ApiError.invalid(
                    "explain", "The query string is not valid URL encoding; send ?explain=true or leave it out.");
        }
    }

    /** The active rule set, for routes mounted from other packages (the staff console's reference lookup). */
    public ActiveRuleSet activeRules() {
        return rules;
    }

    /** The role checks, for the routes other parts add (the rules endpoints, the console). */
    public AccessControl access() {
        return access;
    }

    private static void fail(RoutingContext ctx, ApiError error) {
        Answers.error(ctx, error);
    }

    /**
     * Times the answer by route template and status, from routing to its last byte written: the one
     * place every answer is counted ({@code http_server_requests_seconds}, {@code qf_http_responses_total}).
     */
    private void counted(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addEndHandler(ignored -> metrics.response(
                ctx.currentRoute() == null || ctx.currentRoute().getPath() == null
                        ? "other"
                        : ctx.currentRoute().getPath(),
                ctx.response().getStatusCode(),
                System.nanoTime() - started));
        ctx.next();
    }

    /** The metrics this API records into (each HTTP server instance probes its event loop's delay). */
    ServiceMetrics metrics() {
        return metrics;
    }
}
