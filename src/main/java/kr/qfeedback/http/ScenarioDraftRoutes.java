package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.acceptance.SavedScenarios;
import kr.qfeedback.acceptance.ScenarioDraft;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionService;
import kr.qfeedback.wire.FeedbackRequestParser;

/**
 * Saved scenarios ({@code author}): {@code POST /v1/rules/scenarios/draft} turns a previewed request
 * and the sections and values a policy officer ticked into a Korean scenario, decided with the active
 * rules and run against them, and answers its text and the path it is saved under; saving it is a
 * publish of that file, through the same checks and gate as any rules change. {@code GET
 * /v1/rules/scenarios} lists the scenarios saved in the active version.
 */
final class ScenarioDraftRoutes {
    static final String DRAFT_PATH = "/v1/rules/scenarios/draft";
    static final long BODY_LIMIT = FeedbackRequestParser.MAX_BODY_BYTES;

    private final RulesLifecycle lifecycle;
    private final DecisionService decisions;

    ScenarioDraftRoutes(RulesLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle must not be null");
        // The previewed request carries its asOf (the console always sends one); without it, today.
        this.decisions = new DecisionService(Clock.systemUTC());
    }

    /** Adds the routes; the POST is behind the {@code /v1/rules/*} role check {@link RulesApi} mounts first. */
    void mount(Router router, Vertx vertx, FeedbackApi api) {
        // Vert.x takes no body handler after a user handler on one route: the JSON check is a route of its own.
        router.post(DRAFT_PATH).handler(JsonBodies::requireJson);
        router.post(DRAFT_PATH).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.post(DRAFT_PATH).handler(ctx -> respond(ctx, background(vertx, () -> draft(ctx))));
        router.get("/v1/rules/scenarios").handler(ctx -> api.access().requireRole(ctx, Role.AUTHOR));
        router.get("/v1/rules/scenarios").handler(ctx -> respond(ctx, vertx.executeBlocking(this::saved, false)));
    }

    private JsonObject draft(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null) {
            throw ApiError.invalid(
                    null,
                    "The body must be JSON: {\"name\": \"…\", \"request\": {…}, \"sections\": [\"RESULT_SUMMARY\"],"
                            + " \"values\": [{\"section\": \"PASS_CRITERIA\", \"field\": \"averageMinimum\"}]}.");
        }
        RuleSet active = lifecycle.active().current().orElseThrow(ApiError::notReady);
        String name = text(body.getValue("name"), "name");
        if (!(body.getValue("request") instanceof JsonObject request)) {
            throw ApiError.invalid("request", "request is the previewed POST /v1/feedback body, as a JSON object.");
        }
        FeedbackRequest accepted = accept(request, active);
        FeedbackDecision decision = decisions.decide(accepted, active);
        ScenarioDraft.Draft draft =
                ScenarioDraft.render(name, accepted, decision, active.reference(), sections(body), values(body));
        AcceptanceGate.GateResult check = AcceptanceGate.runSaved(
                active, Map.of(draft.path(), draft.text().getBytes(StandardCharsets.UTF_8)));
        return new JsonObject()
                .put("path", draft.path())
                .put("feature", draft.text())
                .put("rulesVersion", active.version())
                .put("replaces", activeFiles(active).containsKey(draft.path()))
                .put("check", ReportJson.of(check).put("passed", check.passed()));
    }

    /** The request parsed and checked as {@code POST /v1/feedback} would, its errors naming {@code request.…}. */
    private FeedbackRequest accept(JsonObject request, RuleSet active) {
        try {
            return decisions.accept(request.toBuffer(), active);
        } catch (ApiError e) {
            String field = e.field() == null ? "request" : "request." + e.field();
            throw e.status() == 422
                    ? ApiError.inconsistent(field, e.getMessage())
                    : ApiError.invalid(field, e.getMessage());
        }
    }

    private JsonObject saved() {
        RuleSet active = lifecycle.active().current().orElseThrow(ApiError::notReady);
        JsonArray scenarios = new JsonArray();
        SavedScenarios.of(files(active))
                .forEach((path, bytes) -> scenarios.add(
                        new JsonObject().put("path", path).put("feature", new String(bytes, StandardCharsets.UTF_8))));
        return new JsonObject().put("version", active.version()).put("scenarios", scenarios);
    }

    private Map<String, byte[]> activeFiles(RuleSet active) {
        RuleFiles files = files(active);
        return files == null ? Map.of() : files.files();
    }

    private RuleFiles files(RuleSet active) {
        return lifecycle.store().find(active.version()).isPresent()
                ? lifecycle.store().load(active.version())
                : null;
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw ApiError.invalid(field, field + " is required: the scenario's name, e.g. \"정보처리기사 필기 합격 화면\".");
        }
        return s;
    }

    private static List<String> sections(JsonObject body) {
        List<String> ids = new ArrayList<>();
        for (Object o : array(body, "sections")) {
            if (!(o instanceof String id)) {
                throw ApiError.invalid("sections", "sections lists section ids as text, e.g. [\"RESULT_SUMMARY\"].");
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<ScenarioDraft.ValuePick> values(JsonObject body) {
        List<ScenarioDraft.ValuePick> picks = new ArrayList<>();
        for (Object o : array(body, "values")) {
            if (!(o instanceof JsonObject pick)
                    || !(pick.getValue("section") instanceof String section)
                    || !(pick.getValue("field") instanceof String field)) {
                throw ApiError.invalid(
                        "values",
                        "values lists {\"section\": \"PASS_CRITERIA\", \"field\": \"averageMinimum\"} objects.");
            }
            picks.add(new ScenarioDraft.ValuePick(section, field));
        }
        return picks;
    }

    private static JsonArray array(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiError.invalid(field, field + " must be a JSON array.");
        }
        return array;
    }

    /** Drafting runs the scenario: rules work, at a lower priority than serving and counted with the rest. */
    private static Future<JsonObject> background(Vertx vertx, java.util.concurrent.Callable<JsonObject> work) {
        return Future.fromCompletionStage(BackgroundWork.submit(work), vertx.getOrCreateContext());
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
}
