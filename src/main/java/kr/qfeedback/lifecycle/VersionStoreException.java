package kr.qfeedback.lifecycle;

/** The version store cannot do what was asked: the message says what is wrong and what to do. */
public class VersionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionStoreException(String message) {
        super(message);
    }

    public VersionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
