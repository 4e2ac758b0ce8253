package kr.qfeedback.lifecycle;

/**
 * A stored version whose files no longer match what was published (changed, missing or added
 * after publication): it cannot be loaded until the folder is restored (an HTTP layer answers 409
 * to this one).
 */
public final class VersionAlteredException extends VersionStoreException {
    private static final long serialVersionUID = 1L;

    public VersionAlteredException(String message) {
        super(message);
    }
}
