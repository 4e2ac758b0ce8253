package kr.qfeedback.rules.model;

/** Decided by the rules: the candidate may use the youth exam-fee discount; {@code maxAge} is the cut-off used. */
public record YouthDiscountEligible(int maxAge) {}
