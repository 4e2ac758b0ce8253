package kr.qfeedback.feedback;

/** Something the caller should know about the decision, e.g. why a section was left out. */
public record Notice(String code, String message) {}
