package kr.qfeedback.reference;

/**
 * A pass rule as stated in a qualification's 취득방법 text: every subject at least
 * {@code subjectMinimum} (null when there is no per-subject cut-off) and the average at least
 * {@code averageMinimum}.
 */
public record PassCriterion(Integer subjectMinimum, int averageMinimum) {}
