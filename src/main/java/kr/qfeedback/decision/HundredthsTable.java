package kr.qfeedback.decision;

import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * A value made once for each double that is a whole number of hundredths from 0 to 100 (0.0,
 * 0.01, … 100.0): the scores, averages and pass rates decisions show, so that formatting one is a
 * look-up. A double is found only when it is exactly the double {@code k / 100.0} of its
 * {@code k} (bit for bit, so -0.0 is not 0.0); any other value gives null and is formatted the
 * usual way. Immutable.
 */
public final class HundredthsTable<T> {
    private static final int LAST = 10_000;
    private final T[] values;

    public HundredthsTable(DoubleFunction<T> make, IntFunction<T[]> array) {
        values = array.apply(LAST + 1);
        for (int k = 0; k <= LAST; k++) {
            values[k] = make.apply(k / 100.0);
        }
    }

    /** The value made for {@code d}, or null when {@code d} is not a whole number of hundredths from 0 to 100. */
    public T text(double d) {
        if (!(d >= 0 && d <= 100)) {
            return null;
        }
        long k = Math.round(d * 100);
        return k <= LAST && Double.doubleToRawLongBits(k / 100.0) == Double.doubleToRawLongBits(d)
                ? values[(int) k]
                : null;
    }
}
