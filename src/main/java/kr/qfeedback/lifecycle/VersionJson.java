package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code version.json}, {@code active.json} and {@code activations.jsonl} lines, to and from JSON. */
final class VersionJson {
    private VersionJson() {}

    /** {id, fullHash, publishedAt, publishedBy, note, files:[{path, sha256, size}]}. */
    static ObjectNode toJson(StoredVersion version) {
        ObjectNode node = Json.object();
        node.put("id", version.id());
        node.put("fullHash", version.fullHash());
        node.put("publishedAt", version.publishedAt().toString());
        node.put("publishedBy", version.publishedBy());
        node.put("note", version.note());
        ArrayNode files = node.putArray("files");
        for (StoredFile f : version.files()) {
            files.addObject().put("path", f.path()).put("sha256", f.sha256()).put("size", f.size());
        }
        return node;
    }

    /** A version.json; one written before full hashes were recorded has none (null). */
    static StoredVersion version(JsonNode node) {
        List<StoredFile> files = new ArrayList<>();
        for (JsonNode f : Json.array(node, "files")) {
            files.add(new StoredFile(Json.text(f, "path"), Json.text(f, "sha256"), Json.number(f, "size")));
        }
        String id = Json.text(node, "id");
        String fullHash = Json.optionalText(node, "fullHash");
        if (fullHash != null && !(Sha256.isHash(fullHash) && fullHash.startsWith(id))) {
            throw new IllegalArgumentException(
                    "its fullHash '" + fullHash + "' is not a SHA-256 that begins with the id " + id);
        }
        return new StoredVersion(
                id,
                fullHash,
                Json.instant(node, "publishedAt"),
                Json.text(node, "publishedBy"),
                Json.optionalText(node, "note"),
                files);
    }

    /** {version, at, by, action}. */
    static ObjectNode toJson(Activation activation) {
        ObjectNode node = Json.object();
        node.put("version", activation.version());
        node.put("at", activation.at().toString());
        node.put("by", activation.by());
        node.put("action", activation.action().name());
        return node;
    }

    static Activation activation(JsonNode node) {
        return new Activation(
                Json.text(node, "version"),
                Json.instant(node, "at"),
                Json.text(node, "by"),
                Json.enumValue(node, "action", ActivationAction.class));
    }
}
