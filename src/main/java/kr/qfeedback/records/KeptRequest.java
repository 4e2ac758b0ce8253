package kr.qfeedback.records;

import kr.qfeedback.feedback.FeedbackRequest;

/**
 * What a decision's page is rebuilt from for the helpdesk: the accepted request (personal data:
 * birth date and scores) and how the answer was asked for ({@link Form}). Kept with the decision's
 * record, for exactly as long, and never logged: {@link #toString()} shows its form only.
 *
 * @param request the request as it was parsed and checked (immutable, so it is kept, not copied)
 */
public record KeptRequest(FeedbackRequest request, Form form) {

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
        java.util.Objects.requireNonNull(request, "request must not be null");
        java.util.Objects.requireNonNull(form, "form must not be null");
    }

    /** Its form only: the request holds a birth date and scores, which never reach a log. */
    @Override
    public String toString() {
        return "KeptRequest[" + form + "]";
    }
}
