package kr.qfeedback.lifecycle;

/** Why a version became the active one. */
public enum ActivationAction {
    /** A newly published version. */
    PUBLISH,
    /** An earlier version re-activated. */
    ROLLBACK,
    /** The version activated when the service started. */
    STARTUP
}
