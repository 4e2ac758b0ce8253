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
    STARTUP,
    /** An author asked for a second person's approval of a publish (QF_PUBLISH_APPROVAL=required). */
    REQUEST,
    /** An approver sent a requested publish back to its author, with the reason. */
    RETURN
}
