package kr.qfeedback.lifecycle;

/** This node is stopping: the rules work was refused before it started, or before it changed anything. */
public final class StoppingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoppingException(String message) {
        super(message);
    }
}
