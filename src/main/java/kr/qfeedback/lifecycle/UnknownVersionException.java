package kr.qfeedback.lifecycle;

/** No version with the asked-for id is stored (an HTTP layer answers 404 to this one). */
public final class UnknownVersionException extends VersionStoreException {
    private static final long serialVersionUID = 1L;
    private final String id;

    public UnknownVersionException(String id, String message) {
        super(message);
        this.id = id;
    }

    /** The id that was asked for. */
    public String id() {
        return id;
    }
}
