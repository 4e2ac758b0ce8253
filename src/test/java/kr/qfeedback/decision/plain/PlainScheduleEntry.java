package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.ExamRound;

/** The next round of one stage a candidate can still register for. */
public record PlainScheduleEntry(
        Stage stage, String roundLabel, LocalDate registrationStart, LocalDate registrationEnd, LocalDate examDate) {

    /** The earliest round of {@code stage} whose registration has not closed on {@code asOf}. */
    public static Optional<PlainScheduleEntry> next(Stage stage, List<ExamRound> rounds, LocalDate asOf) {
        return rounds.stream()
                .map(r -> of(stage, r))
                .filter(e -> e.registrationEnd() != null && !e.registrationEnd().isBefore(asOf))
                .min(Comparator.comparing(PlainScheduleEntry::registrationEnd)
                        .thenComparing(e -> e.registrationStart() == null ? LocalDate.MAX : e.registrationStart()));
    }

    private static PlainScheduleEntry of(Stage stage, ExamRound r) {
        if (stage == Stage.WRITTEN) {
            return new PlainScheduleEntry(
                    stage, r.label(), r.writtenRegistrationStart(), r.writtenRegistrationEnd(), r.writtenExamDate());
        }
        return new PlainScheduleEntry(
                stage, r.label(), r.practicalRegistrationStart(), r.practicalRegistrationEnd(), r.practicalExamStart());
    }
}
