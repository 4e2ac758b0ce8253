package kr.qfeedback.batch;

/**
 * What a batch run did: {@code lines} read (blank lines included), {@code decided} lines answered
 * with a decision, {@code errors} lines answered with an error object, and the wall time.
 * {@code lines == decided + errors}; the output holds exactly {@code lines} lines.
 */
public record BatchSummary(long lines, long decided, long errors, long millis) {

    /** Lines per second over the whole run (0 for an empty run). */
    public double linesPerSecond() {
        return millis <= 0 ? 0 : lines * 1000.0 / millis;
    }

    /** One line for an operator, e.g. {@code batch: 3070000 lines (3069990 decided, 10 errors) in 29.8 s, 103020 lines/s}. */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "batch: %d lines (%d decided, %d errors) in %.1f s, %.0f lines/s",
                lines,
                decided,
                errors,
                millis / 1000.0,
                linesPerSecond());
    }
}
