package kr.qfeedback.feedback;

import java.util.Objects;

/**
 * The decision as a text message: {@code sms} fits 90 bytes in EUC-KR, {@code lms} 2,000 bytes
 * (both checked against the longest values the rules and the reference data allow when the rules
 * are validated). Neither names the candidate; no phone number ever enters the service.
 */
public record Notifications(Text smsText, Text lmsText) {
    public static final int SMS_BYTES = 90;
    public static final int LMS_BYTES = 2000;

    public Notifications {
        Objects.requireNonNull(smsText, "smsText must not be null");
        Objects.requireNonNull(lmsText, "lmsText must not be null");
    }

    public String sms() {
        return smsText.toString();
    }

    public String lms() {
        return lmsText.toString();
    }
}
