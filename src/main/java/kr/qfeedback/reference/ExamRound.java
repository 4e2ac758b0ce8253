package kr.qfeedback.reference;

import java.time.LocalDate;
import java.util.List;

/**
 * One round of a qualification's schedule. Any date may be null when Q-Net has not set it.
 * The document window is the eligibility-document submission window (응시자격 서류).
 */
public record ExamRound(
        String label,
        LocalDate writtenRegistrationStart,
        LocalDate writtenRegistrationEnd,
        LocalDate writtenExamDate,
        LocalDate writtenPassDate,
        LocalDate practicalRegistrationStart,
        LocalDate practicalRegistrationEnd,
        LocalDate practicalExamStart,
        LocalDate practicalExamEnd,
        LocalDate practicalPassDate,
        LocalDate documentSubmissionStart,
        LocalDate documentSubmissionEnd) {

    /** The names of the date components, in order; a {@link ScheduleDisagreement#field()} is one of them. */
    public static final List<String> DATE_FIELDS = List.of(
            "writtenRegistrationStart",
            "writtenRegistrationEnd",
            "writtenExamDate",
            "writtenPassDate",
            "practicalRegistrationStart",
            "practicalRegistrationEnd",
            "practicalExamStart",
            "practicalExamEnd",
            "practicalPassDate",
            "documentSubmissionStart",
            "documentSubmissionEnd");

    /**
     * The date component named {@code field} (one of {@link #DATE_FIELDS}).
     *
     * @throws IllegalArgumentException for any other name
     */
    /** This round with the date component named {@code field} replaced by {@code value}. */
    public ExamRound withDate(String field, LocalDate value) {
        LocalDate[] d = new LocalDate[DATE_FIELDS.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = DATE_FIELDS.get(k).equals(field) ? value : date(DATE_FIELDS.get(k));
        }
        if (!DATE_FIELDS.contains(field)) {
            throw new IllegalArgumentException("ExamRound has no date named " + field);
        }
        return new ExamRound(label, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10]);
    }

    public LocalDate date(String field) {
        return switch (field) {
            case "writtenRegistrationStart" -> writtenRegistrationStart;
            case "writtenRegistrationEnd" -> writtenRegistrationEnd;
            case "writtenExamDate" -> writtenExamDate;
            case "writtenPassDate" -> writtenPassDate;
            case "practicalRegistrationStart" -> practicalRegistrationStart;
            case "practicalRegistrationEnd" -> practicalRegistrationEnd;
            case "practicalExamStart" -> practicalExamStart;
            case "practicalExamEnd" -> practicalExamEnd;
            case "practicalPassDate" -> practicalPassDate;
            case "documentSubmissionStart" -> documentSubmissionStart;
            case "documentSubmissionEnd" -> documentSubmissionEnd;
            default -> throw new IllegalArgumentException("not a date of a round: \"" + field + "\"");
        };
    }
}
