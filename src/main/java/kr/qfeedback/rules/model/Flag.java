package kr.qfeedback.rules.model;

/**
 * Reads the yes/no marks staff type in decision-table cells: {@code O} (yes) and {@code X} (no).
 * Other marks are rejected before a table compiles (see the table checks); this method is the
 * last guard.
 */
public final class Flag {
    public static final String YES = "O";
    public static final String NO = "X";

    private Flag() {}

    public static boolean of(String mark) {
        String m = mark == null ? "" : mark.strip();
        if (m.equalsIgnoreCase(YES)) {
            return true;
        }
        if (m.equalsIgnoreCase(NO)) {
            return false;
        }
        throw new IllegalArgumentException("A yes/no cell must hold O or X, not '" + mark + "'.");
    }

    public static boolean isMark(String mark) {
        String m = mark == null ? "" : mark.strip();
        return m.equalsIgnoreCase(YES) || m.equalsIgnoreCase(NO);
    }
}
