package kr.qfeedback.lifecycle;

/** The audit log cannot be read or extended: the message says what is wrong and what to do. */
public final class AuditLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuditLogException(String message) {
        super(message);
    }

    public AuditLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
