package kr.qfeedback.wire;

import java.nio.charset.StandardCharsets;
import kr.qfeedback.wire.StrictJsonCursor.Refused;

/**
 * The numbers of {@link StrictJsonCursor}'s subset of JSON, read as Jackson makes them: Integer or
 * Long for whole numbers of at most 18 digits, the nearest double for the rest; longer ones are
 * refused and left to the full parser.
 */
final class JsonNumbers {
    private static final int MAX_DIGITS = 18;
    /** Longer numbers are left to the parser (whose own limit is 1000 characters). */
    private static final int MAX_NUMBER_LENGTH = 100;
    /** Powers of ten that are exact doubles, for the fast decimal path. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private JsonNumbers() {}

    /**
     * A JSON number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. Whole numbers
     * are Integer or Long as Jackson makes them (longer ones are refused); others the nearest
     * double, computed exactly as {@link Double#parseDouble} would (a short decimal by one correctly
     * rounded division).
     */
    static Number read(StrictJsonCursor cursor) throws Refused {
        byte[] bytes = cursor.bytes;
        int end = cursor.end;
        int at = cursor.at;
        int start = at;
        boolean negative = bytes[at] == '-';
        int i = negative ? at + 1 : at;
        int intStart = i;
        long mantissa = 0;
        int digits = 0;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            if (++digits <= MAX_DIGITS) {
                mantissa = mantissa * 10 + (bytes[i] - '0');
            }
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && bytes[intStart] == '0')) {
            throw Refused.INSTANCE; // no digits, or a leading zero
        }
        int fractionDigits = 0;
        boolean decimal = false;
        if (i < end && bytes[i] == '.') {
            decimal = true;
            int fractionStart = ++i;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                if (++digits <= MAX_DIGITS) {
                    mantissa = mantissa * 10 + (bytes[i] - '0');
                }
                i++;
            }
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) {
                throw Refused.INSTANCE;
            }
        }
        boolean exponent = false;
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            exponent = true;
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                i++;
            }
            if (i == exponentStart) {
                throw Refused.INSTANCE;
            }
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw Refused.INSTANCE;
        }
        cursor.at = i;
        cursor.delimiter();
        if (!decimal && !exponent) {
            if (digits > MAX_DIGITS) {
                throw Refused.INSTANCE; // Jackson would make a BigInteger: the parser decides
            }
            long value = negative ? -mantissa : mantissa;
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return Integer.valueOf((int) value); // not in a conditional expression: that would make both a Long
            }
            return Long.valueOf(value);
        }
        if (!exponent && digits <= MAX_DIGITS && mantissa < (1L << 53) && fractionDigits < POWERS_OF_TEN.length) {
            // Both operands are exact doubles and IEEE division rounds correctly: this is parseDouble's answer.
            double value = mantissa / POWERS_OF_TEN[fractionDigits];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
    }
}
