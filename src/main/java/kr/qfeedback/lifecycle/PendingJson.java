package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The {@code request.json} of a requested publish; the report and impact are kept as JSON trees. */
final class PendingJson {
    private PendingJson() {}

    static ObjectNode toJson(PendingRequest r) {
        ObjectNode node = Json.object()
                .put("id", r.id())
                .put("state", r.state().name())
                .put("version", r.version())
                .put("base", r.base())
                .put("author", r.author())
                .put("requestedAt", r.requestedAt().toString())
                .put("note", r.note())
                .put("decidedBy", r.decidedBy())
                .put("decidedAt", r.decidedAt() == null ? null : r.decidedAt().toString())
                .put("reason", r.reason());
        node.set("report", tree(r.report()));
        node.set("impact", tree(r.impact()));
        return node;
    }

    static PendingRequest fromJson(JsonNode node) {
        String decidedAt = Json.optionalText(node, "decidedAt");
        return new PendingRequest(
                Json.text(node, "id"),
                Json.enumValue(node, "state", PendingState.class),
                Json.text(node, "version"),
                Json.optionalText(node, "base"),
                Json.text(node, "author"),
                Json.instant(node, "requestedAt"),
                Json.optionalText(node, "note"),
                Json.optionalText(node, "decidedBy"),
                decidedAt == null ? null : Instant.parse(decidedAt),
                Json.optionalText(node, "reason"),
                text(node.get("report")),
                text(node.get("impact")));
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A pending request's report is not JSON; this is a bug.", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : Json.compact(node);
    }
}
