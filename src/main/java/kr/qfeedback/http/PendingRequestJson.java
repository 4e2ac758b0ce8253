package kr.qfeedback.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import kr.qfeedback.lifecycle.PendingRequest;
import kr.qfeedback.lifecycle.PublishChecks;
import kr.qfeedback.lifecycle.PublishResult;

/** The JSON of requested publishes (기안 → 결재) and of what is kept of their checks. */
final class PendingRequestJson {
    private PendingRequestJson() {}

    /**
     * A request as the API shows it; {@code active} is the version active now, so that a request
     * asked for over another version shows {@code stale: true}.
     */
    static JsonObject of(PendingRequest r, String active) {
        JsonObject report = r.report() == null ? new JsonObject() : new JsonObject(r.report());
        return new JsonObject()
                .put("id", r.id())
                .put("state", r.state().name())
                .put("version", r.version())
                .put("base", r.base())
                .put("stale", r.base() != null && !r.base().equals(active))
                .put("author", r.author())
                .put("requestedAt", r.requestedAt().toString())
                .put("note", r.note())
                .put("decidedBy", r.decidedBy())
                .put("decidedAt", r.decidedAt() == null ? null : r.decidedAt().toString())
                .put("reason", r.reason())
                .put("checks", report.getJsonObject("checks"))
                .put("scenarios", report.getJsonObject("scenarios"))
                .put("impact", r.impact() == null ? null : new JsonObject(r.impact()));
    }

    static JsonObject list(List<PendingRequest> requests, String active, String approval) {
        JsonArray all = new JsonArray();
        requests.forEach(r -> all.add(of(r, active)));
        return new JsonObject().put("approval", approval).put("active", active).put("requests", all);
    }

    /** What a request keeps of the publish checks it passed: the validation report and the scenarios. */
    static String report(PublishChecks.Verdict verdict) {
        JsonObject full = RulesJson.publish(
                new PublishResult(false, verdict.from(), verdict.to(), verdict.report(), verdict.scenarios(), 0));
        return new JsonObject()
                .put("checks", full.getJsonObject("checks"))
                .put("scenarios", full.getJsonObject("scenarios"))
                .encode();
    }
}
