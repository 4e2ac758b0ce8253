package kr.qfeedback.decision.plain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.TraceEntry;

/** Writes a decision in the contract's JSON shape; {@code trace} only when explaining. */
public final class PlainDecisionJson {

    private PlainDecisionJson() {}

    public static JsonObject toJson(FeedbackDecision decision, boolean explain) {
        JsonObject json = new JsonObject()
                .put("decisionId", decision.decisionId())
                .put("rulesVersion", decision.rulesVersion())
                .put("asOf", decision.asOf().toString())
                .put("outcome", decision.outcome().code());
        JsonArray sections = new JsonArray();
        for (Section s : decision.sections()) {
            sections.add(section(s));
        }
        json.put("sections", sections);
        JsonArray notices = new JsonArray();
        for (Notice n : decision.notices()) {
            notices.add(new JsonObject().put("code", n.code()).put("message", n.message()));
        }
        json.put("notices", notices);
        JsonArray reminders = new JsonArray();
        for (Reminder r : decision.reminders()) {
            reminders.add(new JsonObject()
                    .put("kind", r.kind().name())
                    .put("date", r.date().toString())
                    .put("text", r.text()));
        }
        json.put("reminders", reminders);
        Notifications n = decision.notifications();
        json.put(
                "notifications",
                n == null ? null : new JsonObject().put("sms", n.sms()).put("lms", n.lms()));
        if (explain) {
            JsonArray trace = new JsonArray();
            for (TraceEntry t : decision.trace()) {
                trace.add(new JsonObject()
                        .put("section", t.section().name())
                        .put("rule", t.rule())
                        .put("source", t.source()));
            }
            json.put("trace", trace);
        }
        return json;
    }

    private static JsonObject section(Section s) {
        JsonArray links = new JsonArray();
        for (Link l : s.links()) {
            links.add(
                    new JsonObject().put("label", l.label()).put("url", l.url()).put("qr", l.qr()));
        }
        return new JsonObject()
                .put("id", s.id().name())
                .put("order", s.order())
                .put("tone", s.tone().name())
                .put("title", s.title())
                .put("body", s.body())
                .put("data", object(s.data()))
                .put("links", links);
    }

    private static JsonObject object(Map<String, Object> map) {
        JsonObject json = new JsonObject();
        map.forEach((k, v) -> json.put(k, value(v)));
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return object((Map<String, Object>) m);
        }
        if (v instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        return v;
    }
}
