package kr.qfeedback.lifecycle;

/**
 * The cluster could not take a change of the active version now (no quorum, a member did not
 * prepare in time); nothing changed anywhere. {@link #code()} is the stable error code for callers.
 */
public final class ClusterUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ClusterUnavailableException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ClusterUnavailableException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
