package kr.qfeedback.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import kr.qfeedback.lifecycle.Activation;
import kr.qfeedback.lifecycle.AuditVerification;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.StoredVersion;
import kr.qfeedback.rules.RuleSet;

/** The JSON of what the rules lifecycle has kept: the versions and activations, the audit trail and its check. */
final class RulesHistoryJson {
    private RulesHistoryJson() {}

    static JsonObject history(RulesLifecycle lifecycle) {
        var store = lifecycle.store();
        JsonObject json = new JsonObject();
        String activeId = lifecycle.active().current().map(RuleSet::version).orElse(null);
        json.put(
                "active",
                activeId == null
                        ? null
                        : store.find(activeId).map(ReportJson::of).orElse(new JsonObject().put("id", activeId)));
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

    static JsonObject auditEntries(RulesLifecycle lifecycle) {
        return new JsonObject()
                .put("entries", new JsonArray((List<?>)
                        ReportJson.value(lifecycle.audit().entries())))
                .put("headHash", lifecycle.audit().headHash());
    }

    static JsonObject verify(RulesLifecycle lifecycle) {
        AuditVerification v = lifecycle.audit().verify();
        return ReportJson.of(v).put("headHash", lifecycle.audit().headHash());
    }
}
