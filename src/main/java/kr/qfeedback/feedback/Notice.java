package kr.qfeedback.feedback;

/**
 * Something the caller should know about the decision, e.g. why a section was left out. The
 * message is a {@link Text} (a template's fixed pieces and values), read as a string by
 * {@link #message()}.
 */
public record Notice(String code, Text messageText) {

    public Notice(String code, String message) {
        this(code, Text.of(message));
    }

    public String message() {
        return messageText == null ? null : messageText.toString();
    }

    @Override
    public String toString() {
        return "Notice[code=" + code + ", message=" + message() + "]";
    }
}
