package kr.qfeedback.reference;

import java.util.List;
import kr.qfeedback.feedback.Grade;

/**
 * One qualification (종목) of the reference data, imported from the Q-Net open API shapes.
 * {@code grade} is null for qualifications that are not national technical qualifications;
 * criteria and fees are null when Q-Net states none; lists are empty, never null.
 * {@code scheduleDisagreements} lists the dates on which the qualification's own schedule (kept in
 * {@code rounds}) and its series schedule disagree. {@code eligibilityText} is the plain text of the
 * 응시자격 part of the Q-Net 종목정보, shortened; null when the snapshot has none.
 */
public record Qualification(
        String code,
        String name,
        Grade grade,
        String series,
        String field,
        List<String> writtenSubjects,
        List<String> secondStageSubjects,
        PassCriterion writtenCriterion,
        PassCriterion secondStageCriterion,
        Integer writtenFee,
        Integer secondStageFee,
        List<YearlyPassRate> writtenStatistics,
        List<YearlyPassRate> secondStageStatistics,
        List<ExamRound> rounds,
        List<ScheduleDisagreement> scheduleDisagreements,
        String eligibilityText) {

    public Qualification {
        writtenSubjects = List.copyOf(writtenSubjects);
        secondStageSubjects = List.copyOf(secondStageSubjects);
        writtenStatistics = List.copyOf(writtenStatistics);
        secondStageStatistics = List.copyOf(secondStageStatistics);
        rounds = List.copyOf(rounds);
        scheduleDisagreements = List.copyOf(scheduleDisagreements);
    }
}
