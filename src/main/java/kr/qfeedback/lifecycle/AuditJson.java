package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Audit entries to and from JSON, and the hash of an entry: SHA-256 of its canonical JSON without
 * {@code hash}, or, for an entry marked {@code "signed": true}, HMAC-SHA256 of it with the audit key.
 */
final class AuditJson {
    static final String HASH = "hash";
    static final String SIGNED = "signed";

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
        if (entry.signed()) {
            node.put(SIGNED, true); // absent from plain entries, whose canonical JSON stays as it was
        }
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
                Json.text(node, HASH),
                isSigned(node));
    }

    /** Whether an entry's hash is an HMAC with the audit key. */
    static boolean isSigned(JsonNode node) {
        return node.path(SIGNED).asBoolean(false);
    }

    /** The hash an entry should carry, computed from everything in it but its {@code hash} field. */
    static String hashOf(JsonNode entry) {
        return Sha256.hex(canonicalContent(entry));
    }

    /** The HMAC a signed entry should carry, with {@code key}. */
    static String hashOf(JsonNode entry, AuditKey key) {
        return key.sign(canonicalContent(entry));
    }

    private static String canonicalContent(JsonNode entry) {
        ObjectNode content = entry.deepCopy();
        content.remove(HASH);
        return Json.canonical(content);
    }
}
