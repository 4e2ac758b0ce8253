package kr.qfeedback.reference;

import java.time.LocalDate;

/**
 * One date on which a qualification's own schedule ({@code stats/{jmcd}.json} → schedule) and the
 * series schedule of its grade ({@code schedules.json}) disagree. The imported {@link ExamRound}
 * keeps {@code ownValue}; {@code seriesValue} is kept here so that a run-time choice can use it.
 *
 * @param roundLabel  the round's label as in {@link ExamRound#label()}, e.g. "제3회"
 * @param field       the name of the {@link ExamRound} component, e.g. "practicalRegistrationEnd"
 * @param ownValue    the date in the qualification's own schedule
 * @param seriesValue the date in the series schedule
 */
public record ScheduleDisagreement(String roundLabel, String field, LocalDate ownValue, LocalDate seriesValue) {

    public ScheduleDisagreement {
        if (roundLabel == null || field == null || ownValue == null || seriesValue == null) {
            throw new IllegalArgumentException("a schedule disagreement needs a round, a field and both dates");
        }
        if (ownValue.equals(seriesValue)) {
            throw new IllegalArgumentException("the dates of " + roundLabel + " " + field + " agree: " + ownValue);
        }
    }
}
