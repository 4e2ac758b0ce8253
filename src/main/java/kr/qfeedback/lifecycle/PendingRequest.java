package kr.qfeedback.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * A publish waiting for a second person (기안 → 결재): its id, state, the candidate version and the
 * version active when it was asked for ({@code base}), the author (기안자) and when, the note, the
 * approver (결재자) and when once decided, the reason it was returned, and the validation report and
 * impact summary computed when it was asked for, kept as JSON text.
 */
public record PendingRequest(
        String id,
        PendingState state,
        String version,
        String base,
        String author,
        Instant requestedAt,
        String note,
        String decidedBy,
        Instant decidedAt,
        String reason,
        String report,
        String impact) {
    public PendingRequest {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(version, "version must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(requestedAt, "requestedAt must not be null");
    }

    /** The same request, decided. */
    PendingRequest decided(PendingState to, String by, Instant at, String why) {
        return new PendingRequest(id, to, version, base, author, requestedAt, note, by, at, why, report, impact);
    }
}
