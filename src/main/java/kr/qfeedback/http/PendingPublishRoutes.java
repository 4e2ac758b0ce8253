package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Objects;
import java.util.concurrent.Callable;
import kr.qfeedback.lifecycle.ApprovalRefusedException;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.lifecycle.PendingRequest;
import kr.qfeedback.lifecycle.PublishApproval;
import kr.qfeedback.lifecycle.PublishApprovals;
import kr.qfeedback.lifecycle.PublishChecks;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.StoppingException;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;

/**
 * Two people to publish (기안 → 결재, {@code QF_PUBLISH_APPROVAL=required}): an author's publish
 * that passes its checks answers 202 with a request holding the files, the note, the validation
 * report and the impact summary; {@code POST /v1/rules/pending/{id}/approve} by another person with
 * the approver role publishes it, {@code …/return} sends it back with a reason, and
 * {@code GET /v1/rules/pending} lists them (author or approver). The work runs on
 * {@link BackgroundWork}, never on the event loop.
 */
final class PendingPublishRoutes {
    /** The largest body of an approve or return ({@code {"reason": "…"}}). */
    static final int DECISION_LIMIT_BYTES = 8192;

    static final String PREFIX = "/v1/rules/pending";

    /** Builds the impact summary of a request: the active set, the candidate, and the cohort size and seed. */
    interface Impact {
        JsonObject of(RuleSet active, RuleSet candidate, int size, long seed);
    }

    private final RulesLifecycle lifecycle;
    private final PublishApprovals approvals;
    private final CandidateUploads candidates;
    private final Impact impact;
    private final int defaultSize;
    private final int maxSize;
    private volatile PublishApproval mode = PublishApproval.OFF;

    PendingPublishRoutes(
            RulesLifecycle lifecycle,
            PublishApprovals approvals,
            CandidateUploads candidates,
            Impact impact,
            int defaultSize,
            int maxSize) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle must not be null");
        this.approvals = Objects.requireNonNull(approvals, "approvals must not be null");
        this.candidates = candidates;
        this.impact = impact;
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    void mode(PublishApproval mode) {
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
    }

    /** Whether a publish is a request that a second person decides. */
    boolean required() {
        return mode == PublishApproval.REQUIRED;
    }

    /** Adds the routes; mounted before the rules endpoints' author check, which an approver does not pass. */
    void mount(Router router, FeedbackApi api) {
        router.get(PREFIX).handler(ctx -> api.access().requireEither(ctx, Role.AUTHOR, Role.APPROVER));
        router.get(PREFIX).handler(ctx -> respond(ctx, ctx.vertx().executeBlocking(this::list, false)));
        router.get(PREFIX + "/:id").handler(ctx -> api.access().requireEither(ctx, Role.AUTHOR, Role.APPROVER));
        router.get(PREFIX + "/:id")
                .handler(ctx -> respond(ctx, ctx.vertx().executeBlocking(() -> one(ctx.pathParam("id")), false)));
        // The role check and the stop check have routes of their own so that they run before any body is read.
        String decisions = PREFIX + "/:id/:decision";
        router.post(decisions).handler(ctx -> api.access().requireRole(ctx, Role.APPROVER));
        router.post(decisions).handler(ctx -> {
            if (api.stop().stopping()) {
                Answers.failure(ctx, new StoppingException("This node is stopping."));
            } else {
                ctx.next();
            }
        });
        BodyHandler body = BodyHandler.create(false).setBodyLimit(DECISION_LIMIT_BYTES);
        router.post(PREFIX + "/:id/approve")
                .handler(body)
                .handler(ctx -> approve(ctx, api.access().caller(ctx)));
        router.post(PREFIX + "/:id/return")
                .handler(body)
                .handler(ctx -> giveBack(ctx, api.access().caller(ctx)));
    }

    /** An author's publish while approval is required: 202 with the request, or today's 422 when the checks refuse it. */
    void handleRequest(RoutingContext ctx, String author) {
        String note = ctx.request().getFormAttribute("note");
        int size;
        long seed;
        try {
            size = QueryParameters.wholeNumber(ctx, "size", Math.min(defaultSize, maxSize), 1, maxSize);
            seed = QueryParameters.wholeNumber(ctx, "seed", 1, 0, Integer.MAX_VALUE);
        } catch (ApiError e) {
            Answers.error(ctx, e);
            return;
        }
        background(ctx, () -> candidates.with(ctx, files -> request(files, author, note, size, seed)))
                .onComplete(result -> {
                    if (result.failed()) {
                        Answers.failure(ctx, result.cause());
                        return;
                    }
                    JsonObject json = result.result();
                    if (json.containsKey("state")) {
                        ctx.response().putHeader("Location", PREFIX + "/" + json.getString("id"));
                        Answers.json(ctx, 202, json);
                    } else {
                        Answers.json(
                                ctx,
                                422,
                                json.put("error", ApiError.rulesRejected().body()));
                    }
                });
    }

    private JsonObject request(RuleFiles files, String author, String note, int size, long seed) {
        RuleSet active = lifecycle.active().current().orElseThrow(ApiError::notReady);
        long started = System.nanoTime();
        PublishChecks.Verdict verdict = lifecycle.checkPublish(files, author);
        if (!verdict.passed()) {
            return RulesJson.publish(verdict.refusal((System.nanoTime() - started) / 1_000_000));
        }
        JsonObject summary = impact.of(active, verdict.rules(), size, seed);
        PendingRequest request =
                approvals.request(files, verdict, author, note, PendingRequestJson.report(verdict), summary.encode());
        return PendingRequestJson.of(request, activeVersion());
    }

    private void approve(RoutingContext ctx, String approver) {
        String id = ctx.pathParam("id");
        background(ctx, () -> {
                    try {
                        PublishApprovals.Approval approval = approvals.approve(id, approver);
                        return RulesJson.publish(approval.result())
                                .put("request", PendingRequestJson.of(approval.request(), activeVersion()));
                    } catch (ApprovalRefusedException e) {
                        throw refused(e);
                    }
                })
                .onComplete(result -> Answers.publishOutcome(ctx, result));
    }

    private void giveBack(RoutingContext ctx, String approver) {
        String id = ctx.pathParam("id");
        String reason = reason(ctx);
        if (reason == null) {
            return;
        }
        respond(ctx, background(ctx, () -> {
            try {
                return PendingRequestJson.of(approvals.giveBack(id, approver, reason), activeVersion());
            } catch (ApprovalRefusedException e) {
                throw refused(e);
            }
        }));
    }

    /** The required reason of a return, or null when the 400 answer has been sent. */
    private static String reason(RoutingContext ctx) {
        Object value;
        try {
            JsonObject body = ctx.body().asJsonObject();
            value = body == null ? null : body.getValue("reason");
        } catch (RuntimeException e) {
            Answers.error(ctx, ApiError.invalid(null, "The body must be JSON like {\"reason\": \"왜 돌려보내는지\"}."));
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            Answers.error(
                    ctx,
                    ApiError.invalid(
                            "reason",
                            "reason is required: say in a sentence why the request goes back to its author."));
            return null;
        }
        return text.strip();
    }

    private JsonObject list() {
        return PendingRequestJson.list(approvals.pending().list(), activeVersion(), mode.label());
    }

    private JsonObject one(String id) {
        return approvals
                .pending()
                .find(id)
                .map(r -> PendingRequestJson.of(r, activeVersion()))
                .orElseThrow(() ->
                        ApiError.unknownRequest("No requested publish '" + id + "'; GET " + PREFIX + " lists them."));
    }

    private String activeVersion() {
        return lifecycle.active().current().map(RuleSet::version).orElse(null);
    }

    private static ApiError refused(ApprovalRefusedException e) {
        return switch (e.reason()) {
            case UNKNOWN_REQUEST -> ApiError.unknownRequest(e.getMessage());
            case SAME_PERSON -> ApiError.selfApproval(e.getMessage());
            case ALREADY_DECIDED -> ApiError.alreadyDecided(e.getMessage());
        };
    }

    private static void respond(RoutingContext ctx, Future<JsonObject> work) {
        work.onComplete(result -> {
            if (result.failed()) {
                Answers.failure(ctx, result.cause());
            } else {
                Answers.json(ctx, 200, result.result());
            }
        });
    }

    private static Future<JsonObject> background(RoutingContext ctx, Callable<JsonObject> work) {
        return Future.fromCompletionStage(
                BackgroundWork.submit(work), ctx.vertx().getOrCreateContext());
    }
}
