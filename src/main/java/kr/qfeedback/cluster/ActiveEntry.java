package kr.qfeedback.cluster;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry {@value #KEY} of the map {@value ClusterSettings#ACTIVE_MAP}: which version is
 * active (its id and full hash), through which switch, by whom, why, and when, signed with the cluster
 * secret ({@code mac}). Members follow only an entry whose signature verifies.
 */
final class ActiveEntry {
    static final String KEY = "active";
    private static final String PURPOSE = "active rules version";
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private ActiveEntry() {}

    static JsonObject of(
            ClusterSecret secret,
            String fullHash,
            String switchId,
            String who,
            String note,
            AuditAction action,
            ActivationAction activation) {
        JsonObject entry = new JsonObject()
                .put("version", fullHash.substring(0, 12))
                .put("fullHash", fullHash)
                .put("switchId", switchId)
                .put("by", who)
                .put("note", note)
                .put("action", action.name())
                .put("activation", activation.name())
                .put("at", Instant.now().toString());
        return entry.put("mac", secret.sign(PURPOSE, signed(entry)));
    }

    /**
     * The entry {@code json} when a member holding {@code secret} wrote it; null when there is none,
     * and null with a warning naming the version when it is not signed so.
     */
    static JsonObject verified(ClusterSecret secret, String json) {
        if (json == null) {
            return null;
        }
        JsonObject entry;
        try {
            entry = new JsonObject(json);
        } catch (RuntimeException e) {
            LOG.warn("ignored the cluster's active rules entry: it is not JSON");
            return null;
        }
        String version = entry.getValue("version") instanceof String v && v.matches("[0-9a-f]{12}") ? v : null;
        String fullHash = entry.getValue("fullHash") instanceof String h ? h : null;
        boolean fields = entry.getValue("mac") instanceof String
                && version != null
                && fullHash != null
                && fullHash.startsWith(version)
                && entry.getValue("switchId") instanceof String;
        if (fields && secret.verifies(entry.getString("mac"), PURPOSE, signed(entry))) {
            return entry;
        }
        LOG.warn(
                "ignored the cluster's active rules entry naming version {}: it is not signed with this cluster's"
                        + " QF_CLUSTER_SECRET (a process without the secret wrote it); the active version stays",
                version);
        return null;
    }

    private static String[] signed(JsonObject entry) {
        String[] fields = {"version", "fullHash", "switchId", "by", "note", "action", "activation", "at"};
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = entry.getValue(fields[i]) instanceof String text ? text : "";
        }
        return values;
    }
}
