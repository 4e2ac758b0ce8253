package kr.qfeedback.wire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The checks of a request's values, one per kind of field (text, enum, date, score, count, code),
 * shared by the one-pass reader and the tree parser so that both accept and refuse exactly the same
 * values, each refusal naming the field (400 INVALID_REQUEST).
 */
final class RequestFields {
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_SUBJECTS = 50;

    private RequestFields() {}

    static Integer attempts(Object a) {
        if (a == null) {
            return null;
        }
        if (!(a instanceof Number n)
                || n.doubleValue() != Math.floor(n.doubleValue())
                || n.doubleValue() < 0
                || n.doubleValue() > 1000) {
            throw ApiError.invalid("candidate.attempts", "candidate.attempts must be a whole number from 0 to 1000.");
        }
        return n.intValue();
    }

    static String heldCode(Object value, int i) {
        if (!(value instanceof String code) || code.isBlank() || code.length() > 20) {
            throw ApiError.invalid(
                    "candidate.heldQualifications[" + i + "]",
                    "Each held qualification must be a code string of 1–20 characters.");
        }
        return code;
    }

    static String requiredText(Object value, String field, int maxLength) {
        if (value == null) {
            throw ApiError.invalid(field, field + " is required: a string of 1–" + maxLength + " characters.");
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > maxLength) {
            throw ApiError.invalid(field, field + " must be a non-blank string of 1–" + maxLength + " characters.");
        }
        return text;
    }

    static String optionalText(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > MAX_TEXT_LENGTH) {
            throw ApiError.invalid(
                    field, field + " must be a string of at most " + MAX_TEXT_LENGTH + " characters (or omitted).");
        }
        return text.isBlank() ? null : text;
    }

    static <E extends Enum<E>> E requiredEnum(Object value, String field, Class<E> type) {
        if (value == null) {
            throw ApiError.invalid(field, field + " is required: one of " + accepted(type) + ".");
        }
        if (value instanceof String text) {
            for (Enum<?> constant : CONSTANTS.get(type)) { // a few: cheaper than hashing the text
                if (constant.name().equals(text)) {
                    return type.cast(constant);
                }
            }
        }
        throw ApiError.invalid(field, field + " '" + value + "' is not accepted: use one of " + accepted(type) + ".");
    }

    /** An enum's constants, made once per enum (getEnumConstants copies the array per call). */
    private static final ClassValue<Enum<?>[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected Enum<?>[] computeValue(Class<?> type) {
            return (Enum<?>[]) type.getEnumConstants();
        }
    };

    private static String accepted(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static LocalDate requiredDate(Object value, String field) {
        LocalDate date = optionalDate(value, field);
        if (date == null) {
            throw ApiError.invalid(field, field + " is required: a date as YYYY-MM-DD.");
        }
        return date;
    }

    static LocalDate optionalDate(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && isIsoDateShape(text)) {
            try {
                // the shape is checked above, so the digits can be read directly (LocalDate.parse is several times
                // slower)
                LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
                if (date.getYear() >= 1900 && date.getYear() <= 2200) {
                    return date;
                }
            } catch (java.time.DateTimeException ignored) {
                // reported below with the field name
            }
        }
        throw ApiError.invalid(field, field + " '" + value + "' is not a valid date: use YYYY-MM-DD, e.g. 2026-03-11.");
    }

    /** YYYY-MM-DD with ASCII digits only (LocalDate.parse alone would also take other digits and signs). */
    private static boolean isIsoDateShape(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    static Double optionalScore(Object value, String field) {
        if (value == null) {
            return null;
        }
        Double tenths = wholeTenths(value);
        if (tenths != null) {
            return tenths;
        }
        String accepted = field + " must be a number from 0 to 100 with at most one decimal place";
        if (!(value instanceof Number number)) {
            throw ApiError.invalid(field, accepted + ", not '" + value + "'.");
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            // 1e400 arrives as Double.POSITIVE_INFINITY, which has no decimal form
            throw ApiError.invalid(field, accepted + "; got " + number + ".");
        }
        if (exact.compareTo(BigDecimal.ZERO) < 0
                || exact.compareTo(BigDecimal.valueOf(100)) > 0
                || exact.stripTrailingZeros().scale() > 1) {
            throw ApiError.invalid(field, accepted + "; got " + number + ".");
        }
        return exact.doubleValue();
    }

    /**
     * The usual score, read without BigDecimal: a whole number from 0 to 100, or a double that is
     * exactly a whole number of tenths from 0.1 to 100 (what the decimal check accepts, as the same
     * double); null for anything else, which the decimal check then reads
     * ({@code FeedbackRequestParserScoreTest} compares both on every tenth).
     */
    static Double wholeTenths(Object value) {
        if (value instanceof Integer n) {
            int v = n;
            return v >= 0 && v <= 100 ? Double.valueOf(v) : null;
        }
        if (value instanceof Double d) {
            double v = d;
            if (v > 0 && v <= 100) {
                long k = Math.round(v * 10);
                if (k / 10.0 == v) {
                    return d;
                }
            }
        }
        return null;
    }
}
