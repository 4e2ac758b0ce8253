package kr.qfeedback.feedback;

/** Two or more fields of a request contradict each other; {@code field} is the one to correct. */
public record Inconsistency(String field, String message) {}
