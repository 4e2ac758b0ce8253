package kr.qfeedback.http;

/**
 * When the warm-up has paid for itself. It decides in rounds and measures each round's CPU per
 * decision (worker threads' CPU, so that other load on the machine does not count). The first
 * round carries the interpreter and class loading, several times a warm decision's cost; the next
 * ones fall steeply while the JIT compiles the decision path. A round that does not cost at least
 * {@link #PAYING} less than the best round before it is the JIT's refinement, which real requests
 * trigger at nearly full speed just as well: the warm-up stops after it, instead of holding
 * readiness back for a few per cent.
 */
final class WarmupRounds {
    /** A round must cost at least this share less CPU per decision than the best before it to pay. */
    static final double PAYING = 0.5;

    private final StringBuilder curve = new StringBuilder();
    private double best = Double.MAX_VALUE;
    private boolean paying = true;

    /** Records a round of {@code decisions} that used {@code cpuNanos} of worker CPU. */
    void record(long cpuNanos, long decisions) {
        double perDecision = (double) cpuNanos / Math.max(1, decisions);
        curve.append(curve.isEmpty() ? "" : ", ").append(Math.round(perDecision / 1000));
        paying = perDecision < best * (1 - PAYING);
        best = Math.min(best, perDecision);
    }

    /** Whether another round is worth running: no round yet, or the last one still paid. */
    boolean worthAnother() {
        return paying;
    }

    /** CPU µs per decision by round, for the log. */
    String curve() {
        return curve.toString();
    }
}
