package kr.qfeedback.cluster;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;

/**
 * The single entry {@value #KEY} of the map {@value ClusterSettings#ACTIVE_MAP}: which version is
 * active, through which switch, by whom, why, and when.
 */
final class ActiveEntry {
    static final String KEY = "active";

    private ActiveEntry() {}

    static JsonObject of(
            String id, String switchId, String who, String note, AuditAction action, ActivationAction activation) {
        return new JsonObject()
                .put("version", id)
                .put("switchId", switchId)
                .put("by", who)
                .put("note", note)
                .put("action", action.name())
                .put("activation", activation.name())
                .put("at", Instant.now().toString());
    }
}
