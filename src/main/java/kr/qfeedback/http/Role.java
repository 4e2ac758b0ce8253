package kr.qfeedback.http;

/**
 * What a token may do: {@code decide} asks for decisions; {@code author} changes and inspects rules;
 * {@code approver} approves or returns an author's requested publish (QF_PUBLISH_APPROVAL=required);
 * {@code helpdesk} reads a past decision as the page the candidate saw, with its trace.
 */
public enum Role {
    DECIDE("decide"),
    AUTHOR("author"),
    APPROVER("approver"),
    HELPDESK("helpdesk");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Role parse(String label) {
        for (Role r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + label + "': use decide, author, approver or helpdesk.");
    }
}
