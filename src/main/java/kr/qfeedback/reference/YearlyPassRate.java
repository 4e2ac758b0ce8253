package kr.qfeedback.reference;

/** One year's figures for one stage of one qualification, as published by Q-Net. */
public record YearlyPassRate(int year, int applicants, int passers, double passRate) {
}
