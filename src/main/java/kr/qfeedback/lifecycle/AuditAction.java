package kr.qfeedback.lifecycle;

/** What an audit entry records. */
public enum AuditAction {
    /** A validation whose version was then published. */
    VALIDATE,
    /** A new version activated. */
    PUBLISH,
    /** An earlier version re-activated. */
    ROLLBACK,
    /** The version activated when the service started. */
    STARTUP
}
