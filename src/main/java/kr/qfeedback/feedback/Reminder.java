package kr.qfeedback.feedback;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated next step of a candidate: what, on which day, and the Korean text (from
 * messages.yaml). {@code alertDaysBefore} (how many days ahead a calendar alerts, from the staff's
 * reminder table), {@code qualificationCode} and {@code round} (the round the date belongs to, ""
 * when none; both the same for every candidate of that round) are not part of the JSON; a
 * calendar reads them.
 */
public record Reminder(
        ReminderKind kind,
        LocalDate date,
        Text textValue,
        int alertDaysBefore,
        String qualificationCode,
        String round) {

    public Reminder {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(textValue, "textValue must not be null");
        Objects.requireNonNull(qualificationCode, "qualificationCode must not be null");
        Objects.requireNonNull(round, "round must not be null");
    }

    public String text() {
        return textValue.toString();
    }
}
