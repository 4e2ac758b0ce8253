package kr.qfeedback.lifecycle;

import java.util.Locale;

/**
 * {@code QF_PUBLISH_APPROVAL}: whether a publish goes live at once ({@code off}, one-person
 * installs) or becomes a request that a second person with the approver role approves or returns
 * ({@code required}, 기안 → 결재).
 */
public enum PublishApproval {
    OFF,
    REQUIRED;

    /** The variable's value; unset or blank is {@link #OFF}; anything else stops the start naming it. */
    public static PublishApproval parse(String value) {
        if (value == null || value.isBlank()) {
            return OFF;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> OFF;
            case "required" -> REQUIRED;
            default ->
                throw new IllegalArgumentException(
                        "QF_PUBLISH_APPROVAL must be 'off' (a publish goes live at once) or 'required' (a second"
                                + " person with the approver role approves it), not '" + value + "'.");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
