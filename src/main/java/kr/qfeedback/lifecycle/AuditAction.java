package kr.qfeedback.lifecycle;

/** What an audit entry records. */
public enum AuditAction {
    /** A check of uploaded rules: {@code POST /v1/rules/validate}, or a publish its checks refused. */
    VALIDATE,
    /** A new version activated. */
    PUBLISH,
    /** An earlier version re-activated. */
    ROLLBACK,
    /** The version activated when the service started. */
    STARTUP,
    /** An author asked for a second person's approval of a publish (QF_PUBLISH_APPROVAL=required). */
    REQUEST,
    /** An approver sent a requested publish back to its author, with the reason. */
    RETURN,
    /** An impact run ({@code POST /v1/rules/impact}): the active version against an uploaded one. */
    IMPACT,
    /** A decision record read ({@code GET /v1/decisions/{id}}); the note names the decision id, never the candidate. */
    RECORD_READ,
    /** The service started with {@code QF_AUDIT_KEY} on a log not yet signed: every entry from here on is. */
    SIGNING
}
