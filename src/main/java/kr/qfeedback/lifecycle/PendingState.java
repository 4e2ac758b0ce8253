package kr.qfeedback.lifecycle;

/** Where a requested publish stands: waiting for an approver, approved (and live), or sent back. */
public enum PendingState {
    PENDING,
    APPROVED,
    RETURNED
}
