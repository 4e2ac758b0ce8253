package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import kr.qfeedback.impact.ImpactRun;
import kr.qfeedback.impact.ImpactRuns;
import kr.qfeedback.impact.KeptCohorts;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.lifecycle.CheckReport;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;
import kr.qfeedback.wire.ApiError;

/**
 * Impact runs over kept cohorts ({@code author} role), in the background: {@code POST
 * /v1/rules/impact?cohort=NAME} with the rule files checks and compiles the candidate, then answers
 * {@code 202} with the run (or {@code 200} with the problems, as without a cohort, when it does not
 * compile); {@code GET /v1/rules/impact/{id}} gives its progress (lines done of the total) and, once
 * done, the report; {@code DELETE} cancels it. Without {@code cohort} the request goes on to the
 * synchronous generated-cohort impact of {@link RulesApi}. The kept cohorts themselves are
 * {@link CohortRoutes}'.
 */
final class ImpactRoutes {
    private final RulesLifecycle lifecycle;
    private final CandidateUploads candidates;
    private final KeptCohorts cohorts;
    private final ImpactRuns runs;
    private final CohortRoutes cohortRoutes;

    ImpactRoutes(RulesLifecycle lifecycle, CandidateUploads candidates, Path cohortsDir, Clock clock) {
        this.lifecycle = lifecycle;
        this.candidates = candidates;
        this.cohorts = new KeptCohorts(cohortsDir, clock);
        this.runs = new ImpactRuns(clock);
        this.cohortRoutes = new CohortRoutes(cohorts);
    }

    /** Mount after the rules endpoints' role and stopping checks and before their impact route. */
    void mount(Router router, Vertx vertx, FeedbackApi api, BodyHandler body) {
        router.post("/v1/rules/impact").handler(body).handler(ctx -> {
            String cohort = cohortParameter(ctx);
            if (cohort == null) {
                ctx.next(); // the generated cohort, answered synchronously
            } else {
                start(ctx, cohort, api.access().caller(ctx));
            }
        });
        router.get("/v1/rules/impact/:id").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        router.get("/v1/rules/impact/:id").handler(ctx -> answerRun(ctx, false));
        router.delete("/v1/rules/impact/:id").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        router.delete("/v1/rules/impact/:id").handler(ctx -> answerRun(ctx, true));
        cohortRoutes.mount(router, vertx, api);
    }

    private static String cohortParameter(RoutingContext ctx) {
        try {
            return ctx.request().getParam("cohort");
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("cohort", "The query string is not valid URL encoding.");
        }
    }

    private void start(RoutingContext ctx, String cohort, String who) {
        Future.fromCompletionStage(
                        BackgroundWork.submit(() -> startRun(ctx, cohort, who)),
                        ctx.vertx().getOrCreateContext())
                .onComplete(result -> {
                    if (result.failed()) {
                        Answers.failure(ctx, result.cause());
                        return;
                    }
                    JsonObject json = result.result();
                    if (json.containsKey("id")) {
                        ctx.response().putHeader(HttpHeaders.LOCATION, "/v1/rules/impact/" + json.getString("id"));
                        Answers.json(ctx, 202, json);
                    } else {
                        Answers.json(ctx, 200, json);
                    }
                });
    }

    private JsonObject startRun(RoutingContext ctx, String cohort, String who) {
        if (!KeptCohorts.validName(cohort)) {
            throw ApiError.unknownCohort(cohort);
        }
        Path file = cohorts.find(cohort).orElseThrow(() -> ApiError.unknownCohort(cohort));
        RuleSet active = lifecycle.active().current().orElseThrow(ApiError::notReady);
        return candidates.with(ctx, files -> {
            RuleSet candidate;
            try {
                candidate = new RuleSetCompiler().compile(files);
            } catch (RuleSetException e) {
                return RulesJson.check(new CheckReport(files.version(), e.problems(), null))
                        .put("impact", (Object) null);
            }
            ImpactRun run = runs.start(cohort, file, active, candidate);
            // Audited like a synchronous impact run: who, when, which versions, which kept cohort.
            lifecycle
                    .audit()
                    .append(
                            who,
                            java.time.Instant.now(),
                            kr.qfeedback.lifecycle.AuditAction.IMPACT,
                            active.version(),
                            files.version(),
                            java.util.List.of(),
                            "영향 분석(보관한 응시자 " + cohort + ")");
            return json(run.snapshot()).put("version", files.version()).put("valid", true);
        });
    }

    private void answerRun(RoutingContext ctx, boolean cancel) {
        String id = ctx.pathParam("id");
        ctx.vertx()
                .executeBlocking(
                        () -> {
                            ImpactRun run = runs.find(id).orElseThrow(() -> ApiError.unknownImpactRun(id));
                            if (cancel) {
                                run.cancel();
                            }
                            return json(run.snapshot());
                        },
                        false)
                .onComplete(result -> {
                    if (result.failed()) {
                        Answers.failure(ctx, result.cause());
                    } else {
                        Answers.json(ctx, 200, result.result());
                    }
                });
    }

    /** A run as JSON: its report, once done, under {@code impact} as in the synchronous answer. */
    private static JsonObject json(ImpactRun.Snapshot snapshot) {
        JsonObject json = ReportJson.of(snapshot);
        json.put("impact", json.remove("report"));
        return json;
    }
}
