package kr.qfeedback.records;

/**
 * What a decision's page is rebuilt from for the helpdesk: the request body as it was received
 * (personal data: birth date and scores) and how the answer was asked for ({@link Form}). Kept with
 * the decision's record, for exactly as long, and never logged: {@link #toString()} shows its size
 * only.
 *
 * @param body the body's bytes (UTF-8 JSON), not copied: the caller hands over an array it no longer uses
 */
public record KeptRequest(byte[] body, Form form) {

    /** How {@code POST /v1/feedback} answered: JSON, JSON with {@code ?explain=true}, or a calendar. */
    public enum Form {
        JSON('j'),
        EXPLAINED('e'),
        CALENDAR('c');

        private final char letter;

        Form(char letter) {
            this.letter = letter;
        }

        /** The one letter that stands for this form where the request is stored. */
        public char letter() {
            return letter;
        }

        /** The form a stored letter stands for, or null for an unknown letter. */
        public static Form of(int letter) {
            for (Form form : values()) {
                if (form.letter == letter) {
                    return form;
                }
            }
            return null;
        }

        /** The form of an answer: a calendar whatever {@code explain} says, else JSON with or without the trace. */
        public static Form of(boolean calendar, boolean explain) {
            return calendar ? CALENDAR : explain ? EXPLAINED : JSON;
        }
    }

    public KeptRequest {
        java.util.Objects.requireNonNull(body, "body must not be null");
        java.util.Objects.requireNonNull(form, "form must not be null");
    }

    /** Its size and form only: the body holds a birth date and scores, which never reach a log. */
    @Override
    public String toString() {
        return "KeptRequest[" + body.length + " bytes, " + form + "]";
    }
}
