package kr.qfeedback.lifecycle;

/** The bounded rules-work queue is full: the work was refused, nothing of it ran. */
public final class RulesBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RulesBusyException(String message) {
        super(message, null, false, false);
    }
}
