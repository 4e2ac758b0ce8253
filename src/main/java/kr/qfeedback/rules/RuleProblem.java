package kr.qfeedback.rules;

/**
 * One thing wrong in the rule files, located as staff see it: the file, and for a spreadsheet the
 * sheet, row (as Excel numbers it) and column letter; for a text file the line. Fields that do
 * not apply are null. {@code message} is a Korean sentence saying what is wrong and what is
 * accepted.
 */
public record RuleProblem(String file, String sheet, Integer row, String column, Integer line, String message) {

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, null, null, null, null, message);
    }

    public static RuleProblem atLine(String file, Integer line, String message) {
        return new RuleProblem(file, null, null, null, line, message);
    }

    public static RuleProblem atCell(String file, String sheet, Integer row, String column, String message) {
        return new RuleProblem(file, sheet, row, column, null, message);
    }

    /** e.g. {@code rules/sections.drl.xlsx 시트 '섹션표시' 12행 H열: …}. */
    public String describe() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(" 시트 '").append(sheet).append('\'');
        }
        if (row != null) {
            where.append(' ').append(row).append("행");
        }
        if (column != null) {
            where.append(' ').append(column).append("열");
        }
        if (line != null) {
            where.append(' ').append(line).append("번째 줄");
        }
        return where + ": " + message;
    }
}
