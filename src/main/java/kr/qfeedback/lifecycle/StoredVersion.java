package kr.qfeedback.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published, immutable rules version: its id (the first 12 hex digits of its full hash), its full
 * hash (the SHA-256 of its files, {@link kr.qfeedback.rules.RuleFiles#fullHash()}: its identity), when
 * and by whom it was published, a note, and its files. The full hash is null only for a version stored
 * before full hashes were recorded whose files are missing, which cannot be loaded anyway.
 */
public record StoredVersion(
        String id, String fullHash, Instant publishedAt, String publishedBy, String note, List<StoredFile> files) {
    public StoredVersion {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(publishedAt, "publishedAt must not be null");
        Objects.requireNonNull(publishedBy, "publishedBy must not be null");
        files = List.copyOf(files);
    }

    /** The same version with its full hash, as computed from its files when version.json does not record it. */
    StoredVersion withFullHash(String hash) {
        return new StoredVersion(id, hash, publishedAt, publishedBy, note, files);
    }
}
