package kr.qfeedback.reference;

/**
 * Reference data that cannot be read or imported. The message always names the file and the
 * field (or JSON path) that was wrong, e.g. {@code qualifications.json: qualifications[12].grade:
 * unknown grade "FOO"}.
 */
public class ReferenceDataException extends RuntimeException {

    public ReferenceDataException(String message) {
        super(message);
    }

    public ReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
