package kr.qfeedback.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log: its 1-based sequence number, when, who (the token's name), what, from
 * which version to which ({@code from} is null for the first), a note, the changes, the previous
 * entry's hash and this entry's hash, and whether that hash is an HMAC with the audit key
 * ({@code QF_AUDIT_KEY}) rather than a plain SHA-256.
 */
public record AuditEntry(
        long seq,
        Instant at,
        String who,
        AuditAction action,
        String from,
        String to,
        String note,
        List<FileChange> diff,
        String prevHash,
        String hash,
        boolean signed) {
    /** An entry with a plain SHA-256 hash. */
    public AuditEntry(
            long seq,
            Instant at,
            String who,
            AuditAction action,
            String from,
            String to,
            String note,
            List<FileChange> diff,
            String prevHash,
            String hash) {
        this(seq, at, who, action, from, to, note, diff, prevHash, hash, false);
    }

    public AuditEntry {
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(who, "who must not be null");
        Objects.requireNonNull(action, "action must not be null");
        diff = diff == null ? List.of() : List.copyOf(diff);
    }
}
