package kr.qfeedback.lifecycle;

import java.util.Objects;

/** One file of a stored version: its path relative to the rules folder, hex SHA-256 and size in bytes. */
public record StoredFile(String path, String sha256, long size) {
    public StoredFile {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(sha256, "sha256 must not be null");
    }
}
