package kr.qfeedback.feedback;

/** Which rule or table row decided a section, and where staff find it ({@code rules/…:row 12}). */
public record TraceEntry(SectionId section, String rule, String source) {}
