package kr.qfeedback.reference;

import java.util.List;
import kr.qfeedback.feedback.Grade;

/**
 * One qualification (종목) of the reference data, imported from the Q-Net open API shapes.
 * {@code grade} is null for qualifications that are not national technical qualifications;
 * criteria and fees are null when Q-Net states none; lists are empty, never null.
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
        List<ExamRound> rounds) {

    public Qualification {
        writtenSubjects = List.copyOf(writtenSubjects);
        secondStageSubjects = List.copyOf(secondStageSubjects);
        writtenStatistics = List.copyOf(writtenStatistics);
        secondStageStatistics = List.copyOf(secondStageStatistics);
        rounds = List.copyOf(rounds);
    }
}
