package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import kr.qfeedback.impact.ImpactAnalyzer;
import kr.qfeedback.lifecycle.Activation;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.lifecycle.CheckReport;
import kr.qfeedback.lifecycle.PendingPublishes;
import kr.qfeedback.lifecycle.PublishApproval;
import kr.qfeedback.lifecycle.PublishApprovals;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.StoredRuleSets;
import kr.qfeedback.lifecycle.UnknownVersionException;
import kr.qfeedback.lifecycle.VersionAlteredException;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;
import kr.qfeedback.wire.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules lifecycle endpoints for policy staff ({@code author} role, except reading the history):
 * validate, publish, roll back, impact, and the audit trail. Uploads are a zip of the rules folder
 * or single edited files (multipart), laid over the active version. Compilation and checks run on
 * worker threads, never on the event loop.
 */
public final class RulesApi {
    private static final Logger LOG = LoggerFactory.getLogger(RulesApi.class);
    public static final long UPLOAD_LIMIT_BYTES = 32L * 1024 * 1024;
    static final int ROLLBACK_LIMIT_BYTES = 4096;
    static final int DEFAULT_IMPACT_SIZE = 100_000;
    /** The largest cohort one impact run decides unless QF_IMPACT_MAX_SIZE says otherwise. */
    public static final int DEFAULT_MAX_IMPACT_SIZE = 100_000;

    private final RulesLifecycle lifecycle;
    private final int maxImpactSize;
    private final CohortSource cohorts;
    private final Path uploads;
    private final CandidateUploads candidates;
    private final PendingPublishRoutes pending;
    private final ImpactRoutes cohortImpact;
    private final StoredRuleSets storedRuleSets;

    /** Builds the cohort an impact report decides (size, seed → requests), from the active reference data. */
    public interface CohortSource {
        List<kr.qfeedback.feedback.FeedbackRequest> cohort(RuleSet active, int size, long seed);
    }

    public RulesApi(RulesLifecycle lifecycle, CohortSource cohorts, Path uploads) {
        this(lifecycle, cohorts, uploads, DEFAULT_MAX_IMPACT_SIZE);
    }

    public RulesApi(RulesLifecycle lifecycle, CohortSource cohorts, Path uploads, int maxImpactSize) {
        if (maxImpactSize < 1) {
            throw new IllegalArgumentException("maxImpactSize must be at least 1, not " + maxImpactSize);
        }
        this.maxImpactSize = maxImpactSize;
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle must not be null");
        this.cohorts = Objects.requireNonNull(cohorts, "cohorts must not be null");
        this.uploads = Objects.requireNonNull(uploads, "uploads must not be null");
        this.candidates = new CandidateUploads(lifecycle, uploads);
        this.storedRuleSets = new StoredRuleSets(lifecycle);
        this.cohortImpact = new ImpactRoutes(
                lifecycle, candidates, lifecycle.store().dataDir().resolve("cohorts"), java.time.Clock.systemUTC());
        this.pending = new PendingPublishRoutes(
                lifecycle,
                new PublishApprovals(
                        lifecycle, PendingPublishes.open(lifecycle.store().dataDir()), java.time.Clock.systemUTC()),
                candidates,
                (active, candidate, size, seed) -> ReportJson.of(
                        new ImpactAnalyzer().compare(active, candidate, cohorts.cohort(active, size, seed))),
                DEFAULT_IMPACT_SIZE,
                maxImpactSize);
    }

    /**
     * QF_PUBLISH_APPROVAL: with {@code REQUIRED} a publish becomes a request that a second person with
     * the approver role approves or returns ({@link PendingPublishRoutes}); {@code OFF} (the default)
     * publishes at once.
     */
    public RulesApi publishApproval(PublishApproval mode) {
        pending.mode(mode);
        return this;
    }

    /** Adds the routes; {@code auth} wraps a handler with the role check of {@link FeedbackApi}. */
    void mount(Router router, Vertx vertx, FeedbackApi api) {
        BodyHandler body = BodyHandler.create(uploads.toString())
                .setBodyLimit(UPLOAD_LIMIT_BYTES)
                .setDeleteUploadedFilesOnEnd(true)
                .setHandleFileUploads(true);
        // Before the author check below: an approver decides requested publishes without the author role.
        pending.mount(router, api);
        router.get("/v1/rules").handler(api.access()::requireAnyRole);
        router.get("/v1/rules").handler(ctx -> blocking(vertx, ctx, () -> RulesHistoryJson.history(lifecycle), 200));
        router.get("/v1/rules/audit").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        router.get("/v1/rules/audit")
                .handler(ctx -> blocking(vertx, ctx, () -> RulesHistoryJson.auditEntries(lifecycle), 200));
        router.get("/v1/rules/audit/verify").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        router.get("/v1/rules/audit/verify")
                .handler(ctx -> blocking(vertx, ctx, () -> RulesHistoryJson.verify(lifecycle), 200));
        // The role check has its own route so that it runs before any upload is read.
        router.post("/v1/rules/*").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        // A stopping node takes no new rules work: refused before any upload is read (Vert.x's own shutdown
        // hook removes the folder its file system resolves uploads against as soon as the JVM begins to stop).
        router.post("/v1/rules/*").handler(ctx -> {
            if (api.stop().stopping()) {
                Answers.failure(ctx, new kr.qfeedback.lifecycle.StoppingException("This node is stopping."));
            } else {
                ctx.next();
            }
        });
        router.post("/v1/rules/validate")
                .handler(body)
                .handler(ctx -> backgroundThenRespond(
                        ctx, () -> validate(ctx, api.access().caller(ctx)), 200));
        router.post("/v1/rules/publish").handler(body).handler(ctx -> {
            if (pending.required()) {
                pending.handleRequest(ctx, api.access().caller(ctx));
            } else {
                handlePublish(ctx, api);
            }
        });
        cohortImpact.mount(router, vertx, api, body); // ?cohort=NAME runs in the background; kept cohorts
        router.post("/v1/rules/impact")
                .handler(body)
                .handler(ctx -> backgroundThenRespond(
                        ctx, () -> impact(ctx, api.access().caller(ctx)), 200));
        router.post("/v1/rules/rollback")
                .handler(BodyHandler.create(false).setBodyLimit(ROLLBACK_LIMIT_BYTES))
                .handler(ctx -> backgroundThenRespond(ctx, () -> rollback(ctx, api), 200));
        new ScenarioDraftRoutes(lifecycle).mount(router, vertx, api);
    }

    /** The body limit of the rules endpoint at {@code path}, for the 413 answer. */
    static long bodyLimit(String path) {
        if (path.startsWith(PendingPublishRoutes.PREFIX + "/")) {
            return PendingPublishRoutes.DECISION_LIMIT_BYTES;
        }
        if (ScenarioDraftRoutes.DRAFT_PATH.equals(path)) {
            return ScenarioDraftRoutes.BODY_LIMIT;
        }
        if (path.startsWith("/v1/rules/cohorts")) {
            return CohortRoutes.LIMIT_BYTES;
        }
        return "/v1/rules/rollback".equals(path) ? ROLLBACK_LIMIT_BYTES : UPLOAD_LIMIT_BYTES;
    }

    /** The audit log the rules lifecycle writes (record reads are audited there too). */
    /** Every stored version as a rule set, compiled on demand (the helpdesk view). */
    StoredRuleSets storedRuleSets() {
        return storedRuleSets;
    }

    AuditLog audit() {
        return lifecycle.audit();
    }

    private JsonObject validate(RoutingContext ctx, String who) {
        return candidates.with(ctx, files -> {
            CheckReport report = lifecycle.check(files);
            audit(who, AuditAction.VALIDATE, files.version(), "검증 요청: " + (report.publishable() ? "게시 가능" : "게시 불가"));
            return RulesJson.check(report);
        });
    }

    /** Appends who ran a validate or impact, and when, with the active and the uploaded version. */
    private void audit(String who, AuditAction action, String uploaded, String note) {
        String active = lifecycle.active().current().map(RuleSet::version).orElse(null);
        lifecycle.audit().append(who, Instant.now(), action, active, uploaded, List.of(), note);
    }

    private void handlePublish(RoutingContext ctx, FeedbackApi api) {
        String who = api.access().caller(ctx);
        String note = ctx.request().getFormAttribute("note");
        background(ctx, () -> candidates.with(ctx, files -> RulesJson.publish(lifecycle.publish(files, who, note))))
                .onComplete(result -> Answers.publishOutcome(ctx, result));
    }

    private JsonObject impact(RoutingContext ctx, String who) {
        int size = QueryParameters.wholeNumber(
                ctx, "size", Math.min(DEFAULT_IMPACT_SIZE, maxImpactSize), 1, maxImpactSize);
        long seed = QueryParameters.wholeNumber(ctx, "seed", 1, 0, Integer.MAX_VALUE);
        RuleSet active = lifecycle.active().current().orElseThrow(ApiError::notReady);
        return candidates.with(ctx, files -> {
            RuleSet candidate;
            try {
                candidate = new RuleSetCompiler().compile(files);
            } catch (RuleSetException e) {
                audit(who, AuditAction.IMPACT, files.version(), "영향 분석: 컴파일 실패");
                return RulesJson.check(new CheckReport(files.version(), e.problems(), null))
                        .put("impact", (Object) null);
            }
            var report = new ImpactAnalyzer().compare(active, candidate, cohorts.cohort(active, size, seed));
            audit(who, AuditAction.IMPACT, files.version(), "영향 분석: 생성 코호트 " + size + "건, seed " + seed);
            return new JsonObject()
                    .put("version", files.version())
                    .put("valid", true)
                    .put("impact", ReportJson.of(report));
        });
    }

    private JsonObject rollback(RoutingContext ctx, FeedbackApi api) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            throw ApiError.invalid(null, "The body must be JSON like {\"version\": \"<id from GET /v1/rules>\"}.");
        }
        Object value = body == null ? null : body.getValue("version");
        if (value != null && !(value instanceof String)) {
            throw ApiError.invalid(
                    "version", "version must be text: an id listed by GET /v1/rules, such as \"0123456789ab\".");
        }
        String version = (String) value;
        if (version == null || version.isBlank()) {
            throw ApiError.invalid("version", "version is required: an id listed by GET /v1/rules.");
        }
        if (pending.required() && !lifecycle.store().wentLive(version)) {
            // Never active here (stored by a failed cluster switch, or not stored at all): going back to
            // it at once would put a version before candidates that no second person approved.
            if (lifecycle.store().find(version).isEmpty()) {
                throw ApiError.unknownVersion(version);
            }
            LOG.warn("rollback to {} refused: it never went live on this node and publishing needs approval", version);
            throw ApiError.neverLive(version);
        }
        try {
            Activation activation = lifecycle.rollback(version, api.access().caller(ctx));
            return new JsonObject().put("active", version).put("activation", ReportJson.of(activation));
        } catch (UnknownVersionException e) {
            throw ApiError.unknownVersion(version);
        } catch (VersionAlteredException e) {
            LOG.warn("rollback to {} refused: {}", version, e.getMessage());
            throw ApiError.versionDamaged(version, e.getMessage());
        }
    }

    /** Rules work that competes with serving (validate, impact, publish, rollback) runs at a lower priority. */
    private static Future<JsonObject> background(RoutingContext ctx, Callable<JsonObject> work) {
        return Future.fromCompletionStage(
                BackgroundWork.submit(work), ctx.vertx().getOrCreateContext());
    }

    private void backgroundThenRespond(RoutingContext ctx, Callable<JsonObject> work, int status) {
        respondWhenDone(ctx, background(ctx, work), status);
    }

    private void blocking(Vertx vertx, RoutingContext ctx, Callable<JsonObject> work, int status) {
        respondWhenDone(ctx, vertx.executeBlocking(work, false), status);
    }

    private static void respondWhenDone(RoutingContext ctx, Future<JsonObject> work, int status) {
        work.onComplete(result -> {
            if (result.failed()) {
                Answers.failure(ctx, result.cause());
            } else {
                Answers.json(ctx, status, result.result());
            }
        });
    }
}
