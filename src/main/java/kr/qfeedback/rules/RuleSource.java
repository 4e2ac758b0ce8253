package kr.qfeedback.rules;

/** Where a rule lives, for the trace: its business name and {@code rules/…:row N} or {@code :line N}. */
public record RuleSource(String rule, String source) {}
