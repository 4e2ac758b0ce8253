package kr.qfeedback.lifecycle;

/**
 * One line that differs, numbered from 1 on each side: a changed line has both sides, a removed
 * line only {@code before}/{@code beforeLine}, an added line only {@code after}/{@code afterLine}.
 */
public record LineChange(Integer beforeLine, Integer afterLine, String before, String after) {}
