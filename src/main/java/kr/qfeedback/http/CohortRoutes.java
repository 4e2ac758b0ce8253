package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import kr.qfeedback.impact.KeptCohorts;
import kr.qfeedback.wire.ApiError;

/**
 * The kept cohorts for impact runs ({@code author} role): {@code POST /v1/rules/cohorts?name=NAME}
 * streams an NDJSON upload (multipart/form-data with one file, or the body itself as
 * {@code application/x-ndjson}) straight to a file in {@code QF_DATA_DIR/cohorts/}, never into
 * memory; {@code GET} lists them with the date each will be deleted; {@code DELETE …/{name}}
 * deletes one at once. Every hour the cohorts past their retention are deleted.
 */
final class CohortRoutes {
    /** A year's cohort is about 1.3 GB; this leaves room for a few. */
    static final long LIMIT_BYTES = 8L << 30;

    private static final long SWEEP_MILLIS = 60 * 60 * 1000L;

    private final KeptCohorts cohorts;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    CohortRoutes(KeptCohorts cohorts) {
        this.cohorts = cohorts;
    }

    void mount(Router router, Vertx vertx, FeedbackApi api) {
        if (sweeping.compareAndSet(false, true)) {
            vertx.executeBlocking(cohorts::sweep, false);
            vertx.setPeriodic(SWEEP_MILLIS, id -> vertx.executeBlocking(cohorts::sweep, false));
        }
        router.post("/v1/rules/cohorts").handler(this::upload);
        router.get("/v1/rules/cohorts").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        router.get("/v1/rules/cohorts").handler(ctx -> answer(ctx, vertx.executeBlocking(this::list, false), 200));
        router.delete("/v1/rules/cohorts/:name").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        router.delete("/v1/rules/cohorts/:name").handler(ctx -> {
            String name = ctx.pathParam("name");
            answer(
                    ctx,
                    vertx.executeBlocking(
                            () -> {
                                if (!cohorts.delete(name)) {
                                    throw ApiError.unknownCohort(name);
                                }
                                return new JsonObject().put("deleted", name);
                            },
                            false),
                    200);
        });
    }

    private JsonObject list() {
        JsonArray list = new JsonArray();
        cohorts.list().forEach(c -> list.add(ReportJson.of(c)));
        return new JsonObject().put("retentionDays", KeptCohorts.RETENTION_DAYS).put("cohorts", list);
    }

    private void upload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause(); // until the file is open: not a byte of the upload is lost or held in memory
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > LIMIT_BYTES) {
            Answers.error(ctx, ApiError.tooLarge(LIMIT_BYTES));
            return;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.startsWith("multipart/form-data");
        boolean ndjson =
                type != null && (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson"));
        if (!multipart && !ndjson) {
            Answers.error(ctx, ApiError.unsupportedMediaType(type));
            return;
        }
        String name;
        try {
            name = request.getParam("name");
        } catch (IllegalArgumentException e) {
            Answers.error(ctx, ApiError.invalid("name", "The query string is not valid URL encoding."));
            return;
        }
        if (ndjson && !KeptCohorts.validName(name)) {
            Answers.error(ctx, invalidName(name));
            return;
        }
        Vertx vertx = ctx.vertx();
        Path partial = cohorts.newPartial();
        Future<String> written = multipart ? multipart(request, partial, name) : piped(vertx, request, partial, name);
        written.compose(chosen -> vertx.executeBlocking(
                        () -> {
                            if (!KeptCohorts.validName(chosen)) {
                                throw invalidName(chosen);
                            }
                            long lines = KeptCohorts.lines(partial);
                            if (lines == 0) {
                                throw ApiError.invalid(
                                        "files", "The cohort is empty: send one JSON request per line (NDJSON).");
                            }
                            return ReportJson.of(cohorts.keep(partial, chosen)).put("lines", lines);
                        },
                        false))
                .onComplete(result -> {
                    if (result.failed()) {
                        vertx.executeBlocking(() -> {
                            cohorts.discard(partial);
                            return null;
                        });
                        Answers.failure(ctx, result.cause());
                    } else {
                        Answers.json(ctx, 201, result.result());
                    }
                });
    }

    private static Future<String> piped(Vertx vertx, HttpServerRequest request, Path partial, String name) {
        return vertx.fileSystem()
                .open(partial.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .compose(file -> request.pipeTo(file))
                .map(done -> name);
    }

    /** Streams the first file part to {@code partial}; the cohort is named by {@code name} or else that file's name. */
    private static Future<String> multipart(HttpServerRequest request, Path partial, String name) {
        io.vertx.core.Promise<String> promise = io.vertx.core.Promise.promise();
        AtomicReference<Future<Void>> file = new AtomicReference<>();
        AtomicReference<String> chosen = new AtomicReference<>(name);
        request.setExpectMultipart(true);
        request.uploadHandler((HttpServerFileUpload upload) -> {
            if (file.get() != null) {
                upload.handler(ignored -> {}); // one cohort per upload: later files are read and dropped
                return;
            }
            if (chosen.get() == null) {
                chosen.set(upload.filename().replaceFirst("\\.(ndjson|jsonl|json|txt)$", ""));
            }
            file.set(upload.streamToFileSystem(partial.toString()));
        });
        request.exceptionHandler(promise::tryFail);
        request.endHandler(ignored -> {
            if (file.get() == null) {
                promise.tryFail(ApiError.invalid(
                        "files",
                        "Upload the cohort as one NDJSON file (multipart/form-data) or as the body itself"
                                + " with Content-Type: application/x-ndjson."));
            } else {
                file.get().onComplete(done -> {
                    if (done.failed()) {
                        promise.tryFail(done.cause());
                    } else {
                        promise.tryComplete(chosen.get());
                    }
                });
            }
        });
        request.resume();
        return promise.future();
    }

    private static ApiError invalidName(String name) {
        return ApiError.invalid(
                "name",
                "A cohort is named by ?name= (or its file's name): letters, digits, '.', '_' and '-', at most 64"
                        + (name == null ? "." : ", not '" + name + "'."));
    }

    private static void answer(RoutingContext ctx, Future<JsonObject> work, int status) {
        work.onComplete(result -> {
            if (result.failed()) {
                Answers.failure(ctx, result.cause());
            } else {
                Answers.json(ctx, status, result.result());
            }
        });
    }
}
