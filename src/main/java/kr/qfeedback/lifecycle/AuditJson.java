package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Audit entries to and from JSON, and the hash of an entry: SHA-256 of its canonical JSON without {@code hash}. */
final class AuditJson {
    static final String HASH = "hash";

    private AuditJson() {}

    /** The entry as it is written: {seq, at, who, action, from, to, note, prevHash, hash, diff}. */
    static ObjectNode toJson(AuditEntry entry) {
        ObjectNode node = Json.object();
        node.put("seq", entry.seq());
        node.put("at", entry.at().toString());
        node.put("who", entry.who());
        node.put("action", entry.action().name());
        node.put("from", entry.from());
        node.put("to", entry.to());
        node.put("note", entry.note());
        node.put("prevHash", entry.prevHash());
        if (entry.hash() != null) {
            node.put(HASH, entry.hash());
        }
        node.set("diff", DiffJson.toJson(entry.diff()));
        return node;
    }

    static AuditEntry fromJson(JsonNode node) {
        return new AuditEntry(
                Json.number(node, "seq"),
                Json.instant(node, "at"),
                Json.text(node, "who"),
                Json.enumValue(node, "action", AuditAction.class),
                Json.optionalText(node, "from"),
                Json.optionalText(node, "to"),
                Json.optionalText(node, "note"),
                DiffJson.fromJson(Json.array(node, "diff")),
                Json.text(node, "prevHash"),
                Json.text(node, HASH));
    }

    /** The hash an entry should carry, computed from everything in it but its {@code hash} field. */
    static String hashOf(JsonNode entry) {
        ObjectNode content = entry.deepCopy();
        content.remove(HASH);
        return Sha256.hex(Json.canonical(content));
    }
}
