package kr.qfeedback.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import kr.qfeedback.lifecycle.CheckReport;
import kr.qfeedback.lifecycle.PublishResult;

/** The JSON shapes of the rules endpoints' reports: a validation and a publish. */
final class RulesJson {
    private RulesJson() {}

    static JsonObject check(CheckReport report) {
        return new JsonObject()
                .put("version", report.version())
                .put("valid", report.publishable())
                .put("compiled", report.compiled())
                .put("problems", new JsonArray((List<?>) ReportJson.value(report.problems())))
                .put(
                        "coverage",
                        report.coverage() == null
                                ? null
                                : ReportJson.of(report.coverage())
                                        .put(
                                                "summary",
                                                new JsonArray(report.coverage().describe())));
    }

    static JsonObject publish(PublishResult result) {
        return new JsonObject()
                .put("published", result.published())
                .put("from", result.fromVersion())
                .put("to", result.toVersion())
                .put("millis", result.millis())
                .put("checks", check(result.checks()))
                .put(
                        "scenarios",
                        result.gate() == null
                                ? null
                                : ReportJson.of(result.gate())
                                        .put("passed", result.gate().passed()));
    }
}
