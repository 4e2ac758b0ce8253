package kr.qfeedback.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.ExamRound;

/** The next round of one stage a candidate can still register for. */
public record ScheduleEntry(
        Stage stage, String roundLabel, LocalDate registrationStart, LocalDate registrationEnd, LocalDate examDate) {
    /** The order in which the next round is chosen: registration end, then registration start (unknown last). */
    private static final Comparator<ScheduleEntry> CHOICE_ORDER = Comparator.comparing(ScheduleEntry::registrationEnd)
            .thenComparing(e -> e.registrationStart() == null ? LocalDate.MAX : e.registrationStart());

    /** The earliest round of {@code stage} whose registration has not closed on {@code asOf}. */
    public static Optional<ScheduleEntry> next(Stage stage, List<ExamRound> rounds, LocalDate asOf) {
        return Optional.ofNullable(firstOpen(timetable(stage, rounds), asOf));
    }

    /** The first entry of a {@link #timetable} whose registration has not closed on {@code asOf}; null when none. */
    static ScheduleEntry firstOpen(List<ScheduleEntry> timetable, LocalDate asOf) {
        for (ScheduleEntry entry : timetable) {
            if (!entry.registrationEnd().isBefore(asOf)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The rounds of {@code stage} with a known registration end, in the order the next round is
     * chosen; rounds that tie keep their listed order, so the first open one is the next round.
     */
    static List<ScheduleEntry> timetable(Stage stage, List<ExamRound> rounds) {
        List<ScheduleEntry> entries = new ArrayList<>(rounds.size());
        for (ExamRound round : rounds) {
            ScheduleEntry entry = of(stage, round);
            if (entry.registrationEnd() != null) {
                entries.add(entry);
            }
        }
        entries.sort(CHOICE_ORDER);
        return entries;
    }

    private static ScheduleEntry of(Stage stage, ExamRound r) {
        if (stage == Stage.WRITTEN) {
            return new ScheduleEntry(
                    stage, r.label(), r.writtenRegistrationStart(), r.writtenRegistrationEnd(), r.writtenExamDate());
        }
        return new ScheduleEntry(
                stage, r.label(), r.practicalRegistrationStart(), r.practicalRegistrationEnd(), r.practicalExamStart());
    }
}
