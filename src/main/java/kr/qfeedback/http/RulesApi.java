package kr.qfeedback.http;

import kr.qfeedback.wire.ApiError;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kr.qfeedback.impact.ImpactAnalyzer;
import kr.qfeedback.lifecycle.Activation;
import kr.qfeedback.lifecycle.AuditVerification;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.lifecycle.CheckReport;
import kr.qfeedback.lifecycle.PublishResult;
import kr.qfeedback.lifecycle.RuleUpload;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.StoredVersion;
import kr.qfeedback.lifecycle.UnknownVersionException;
import kr.qfeedback.lifecycle.VersionAlteredException;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;
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
    }

    /** Adds the routes; {@code auth} wraps a handler with the role check of {@link FeedbackApi}. */
    void mount(Router router, Vertx vertx, FeedbackApi api) {
        BodyHandler body = BodyHandler.create(uploads.toString()).setBodyLimit(UPLOAD_LIMIT_BYTES)
                .setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true);
        router.get("/v1/rules").handler(api::requireAnyRole);
        router.get("/v1/rules").handler(ctx -> blocking(vertx, ctx, this::history, 200));
        router.get("/v1/rules/audit").handler(ctx -> api.requireRole(ctx, Role.AUTHOR));
        router.get("/v1/rules/audit").handler(ctx -> blocking(vertx, ctx, this::auditEntries, 200));
        router.get("/v1/rules/audit/verify").handler(ctx -> api.requireRole(ctx, Role.AUTHOR));
        router.get("/v1/rules/audit/verify").handler(ctx -> blocking(vertx, ctx, this::verify, 200));
        // The role check has its own route so that it runs before any upload is read.
        router.post("/v1/rules/*").handler(ctx -> api.requireRole(ctx, Role.AUTHOR));
        // A stopping node takes no new rules work: refused before any upload is read (Vert.x's own shutdown
        // hook removes the folder its file system resolves uploads against as soon as the JVM begins to stop).
        router.post("/v1/rules/*").handler(ctx -> {
            if (api.stop().stopping()) {
                failure(ctx, new kr.qfeedback.lifecycle.StoppingException("This node is stopping."));
            } else {
                ctx.next();
            }
        });
        router.post("/v1/rules/validate").handler(body).handler(ctx -> backgroundThenRespond(ctx, () -> validate(ctx), 200));
        router.post("/v1/rules/publish").handler(body).handler(ctx -> handlePublish(ctx, api));
        router.post("/v1/rules/impact").handler(body).handler(ctx -> backgroundThenRespond(ctx, () -> impact(ctx), 200));
        router.post("/v1/rules/rollback").handler(BodyHandler.create(false).setBodyLimit(ROLLBACK_LIMIT_BYTES))
                .handler(ctx -> backgroundThenRespond(ctx, () -> rollback(ctx, api), 200));
    }

    /** The body limit of the rules endpoint at {@code path}, for the 413 answer. */
    static long bodyLimit(String path) {
        return "/v1/rules/rollback".equals(path) ? ROLLBACK_LIMIT_BYTES : UPLOAD_LIMIT_BYTES;
    }

    private JsonObject history() {
        var store = lifecycle.store();
        JsonObject json = new JsonObject();
        String activeId = lifecycle.active().current().map(RuleSet::version).orElse(null);
        json.put("active", activeId == null ? null : store.find(activeId).map(ReportJson::of).orElse(new JsonObject().put("id", activeId)));
        JsonArray versions = new JsonArray();
        for (StoredVersion v : store.versions()) {
            versions.add(ReportJson.of(v));
        }
        json.put("versions", versions);
        JsonArray activations = new JsonArray();
        for (Activation a : store.activations()) {
            activations.add(ReportJson.of(a));
        }
        json.put("activations", activations);
        return json;
    }

    private JsonObject auditEntries() {
        return new JsonObject().put("entries", new JsonArray((List<?>) ReportJson.value(lifecycle.audit().entries())))
                .put("headHash", lifecycle.audit().headHash());
    }

    private JsonObject verify() {
        AuditVerification v = lifecycle.audit().verify();
        return ReportJson.of(v).put("headHash", lifecycle.audit().headHash());
    }

    private JsonObject validate(RoutingContext ctx) {
        return withCandidate(ctx, files -> checkJson(lifecycle.check(files)));
    }

    private void handlePublish(RoutingContext ctx, FeedbackApi api) {
        String who = api.caller(ctx);
        String note = ctx.request().getFormAttribute("note");
        background(ctx, () -> withCandidate(ctx, files -> publishJson(lifecycle.publish(files, who, note))))
                .onComplete(result -> {
                    if (result.failed()) {
                        failure(ctx, result.cause());
                        return;
                    }
                    JsonObject json = result.result();
                    boolean published = json.getBoolean("published", false);
                    if (!published) {
                        json.put("error", ApiError.rulesRejected().body());
                    }
                    respond(ctx, published ? 200 : 422, json);
                });
    }

    private JsonObject impact(RoutingContext ctx) {
        int size = intParam(ctx, "size", Math.min(DEFAULT_IMPACT_SIZE, maxImpactSize), 1, maxImpactSize);
        long seed = intParam(ctx, "seed", 1, 0, Integer.MAX_VALUE);
        RuleSet active = lifecycle.active().current().orElseThrow(ApiError::notReady);
        return withCandidate(ctx, files -> {
            RuleSet candidate;
            try {
                candidate = new RuleSetCompiler().compile(files);
            } catch (RuleSetException e) {
                return checkJson(new CheckReport(files.version(), e.problems(), null)).put("impact", (Object) null);
            }
            var report = new ImpactAnalyzer().compare(active, candidate, cohorts.cohort(active, size, seed));
            return new JsonObject().put("version", files.version()).put("valid", true).put("impact", ReportJson.of(report));
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
            throw ApiError.invalid("version", "version must be text: an id listed by GET /v1/rules, such as \"0123456789ab\".");
        }
        String version = (String) value;
        if (version == null || version.isBlank()) {
            throw ApiError.invalid("version", "version is required: an id listed by GET /v1/rules.");
        }
        try {
            Activation activation = lifecycle.rollback(version, api.caller(ctx));
            return new JsonObject().put("active", version).put("activation", ReportJson.of(activation));
        } catch (UnknownVersionException e) {
            throw ApiError.unknownVersion(version);
        } catch (VersionAlteredException e) {
            LOG.warn("rollback to {} refused: {}", version, e.getMessage());
            throw ApiError.versionDamaged(version, e.getMessage());
        }
    }

    private interface CandidateWork {
        JsonObject apply(RuleFiles files);
    }

    /** Materialises the upload as a candidate folder, runs the work, and always removes the folder. */
    private JsonObject withCandidate(RoutingContext ctx, CandidateWork work) {
        RuleUpload upload = new RuleUpload();
        try {
            for (FileUpload f : ctx.fileUploads()) {
                upload.add(f.fileName(), Files.readAllBytes(Path.of(f.uploadedFileName())));
            }
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (ctx.fileUploads().isEmpty() && type != null && type.startsWith("application/zip") && ctx.body().buffer() != null) {
                upload.add("rules.zip", ctx.body().buffer().getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuleSetException e) {
            return checkJson(new CheckReport(null, e.problems(), null));
        }
        if (upload.isEmpty()) {
            throw ApiError.invalid("files", "Upload rule files as multipart/form-data (any field name; a .zip of the whole rules "
                    + "folder or single edited files such as sections.drl.xlsx), or send a zip with Content-Type: application/zip.");
        }
        Path dir = null;
        try {
            Files.createDirectories(uploads);
            dir = Files.createTempDirectory(uploads, "candidate-");
            RuleFiles active = lifecycle.active().current().map(r -> lifecycle.store().find(r.version()).isPresent()
                    ? lifecycle.store().load(r.version()) : null).orElse(null);
            RuleFiles files;
            try {
                files = upload.materialise(active, dir);
            } catch (RuleSetException e) {
                return checkJson(new CheckReport(null, e.problems(), null));
            }
            return work.apply(files);
        } catch (IOException e) {
            throw new UncheckedIOException("The candidate folder could not be prepared under " + uploads + ".", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    static JsonObject checkJson(CheckReport report) {
        return new JsonObject()
                .put("version", report.version())
                .put("valid", report.publishable())
                .put("compiled", report.compiled())
                .put("problems", new JsonArray((List<?>) ReportJson.value(report.problems())))
                .put("coverage", report.coverage() == null ? null : ReportJson.of(report.coverage())
                        .put("summary", new JsonArray(report.coverage().describe())));
    }

    private static JsonObject publishJson(PublishResult result) {
        return new JsonObject()
                .put("published", result.published())
                .put("from", result.fromVersion())
                .put("to", result.toVersion())
                .put("millis", result.millis())
                .put("checks", checkJson(result.checks()))
                .put("scenarios", result.gate() == null ? null : ReportJson.of(result.gate()).put("passed", result.gate().passed()));
    }

    private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
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

    /** Rules work that competes with serving (validate, impact, publish, rollback) runs at a lower priority. */
    private static Future<JsonObject> background(RoutingContext ctx, Callable<JsonObject> work) {
        return Future.fromCompletionStage(BackgroundWork.submit(work), ctx.vertx().getOrCreateContext());
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
                failure(ctx, result.cause());
            } else {
                respond(ctx, status, result.result());
            }
        });
    }

    private static void failure(RoutingContext ctx, Throwable cause) {
        ApiError error = cause instanceof ApiError e ? e : null;
        if (cause instanceof kr.qfeedback.lifecycle.StoppingException) {
            error = ApiError.stopping();
        }
        if (cause instanceof kr.qfeedback.lifecycle.RulesBusyException) {
            error = ApiError.rulesBusy();
        }
        if (cause instanceof kr.qfeedback.lifecycle.ClusterUnavailableException c) {
            LOG.warn("rules request to {} refused by the cluster: {}", ctx.normalizedPath(), c.getMessage());
            error = ApiError.unavailable(c.code(), c.getMessage());
        }
        if (error == null) {
            LOG.error("rules request to {} failed: {}", ctx.normalizedPath(), cause.toString(), cause);
            error = ApiError.internal();
        }
        respond(ctx, error.status(), error.envelope());
    }

    private static void respond(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended()) {
            ApiHeaders.add(ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8"))
                    .end(body.toBuffer());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not remove {} after a rules request: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {} after a rules request: {}", dir, e.getMessage());
        }
    }
}
