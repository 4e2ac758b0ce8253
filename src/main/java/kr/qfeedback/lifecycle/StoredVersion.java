package kr.qfeedback.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A published, immutable rules version: its content-hash id, when and by whom it was published, a note, and its files. */
public record StoredVersion(String id, Instant publishedAt, String publishedBy, String note, List<StoredFile> files) {
    public StoredVersion {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(publishedAt, "publishedAt must not be null");
        Objects.requireNonNull(publishedBy, "publishedBy must not be null");
        files = List.copyOf(files);
    }
}
