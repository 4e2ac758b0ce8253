package kr.qfeedback.reference;

/**
 * One year's figures for one stage of one qualification, as published by Q-Net.
 * {@code passRate} (percent) is null when nobody sat the stage that year: a stage without
 * applicants has no pass rate, not a rate of 0 %.
 */
public record YearlyPassRate(int year, int applicants, int passers, Double passRate) {

    public YearlyPassRate {
        if (applicants == 0 && passRate != null) {
            throw new IllegalArgumentException(year + ": nobody sat, so there is no pass rate (got " + passRate + ")");
        }
    }
}
