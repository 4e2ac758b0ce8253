package kr.qfeedback.lifecycle;

/** One spreadsheet cell that differs: sheet, cell reference such as {@code W63}, and its text before and after ({@code null} = empty). */
public record CellChange(String sheet, String cell, String before, String after) {}
