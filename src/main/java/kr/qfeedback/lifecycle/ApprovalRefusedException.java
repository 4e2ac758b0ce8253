package kr.qfeedback.lifecycle;

/** A decision on a requested publish that cannot be made: no such request, the author's own, or decided already. */
public final class ApprovalRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the decision cannot be made. */
    public enum Reason {
        UNKNOWN_REQUEST,
        SAME_PERSON,
        ALREADY_DECIDED
    }

    private final Reason reason;
    private final transient PendingRequest request;

    ApprovalRefusedException(Reason reason, PendingRequest request, String message) {
        super(message);
        this.reason = reason;
        this.request = request;
    }

    public Reason reason() {
        return reason;
    }

    /** The request concerned (null when there is none). */
    public PendingRequest request() {
        return request;
    }
}
