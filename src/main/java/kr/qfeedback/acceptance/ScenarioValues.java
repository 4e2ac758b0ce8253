package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.Expect.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How scenarios write values: dates, table cells, and data values compared as text (numbers by
 * value, lists joined by ", ", {@value #NO_VALUE} for null, {@value #EMPTY_LIST} for an empty list).
 */
final class ScenarioValues {
    /** How a scenario writes "no value" and "an empty list" in a 값 cell. */
    static final String NO_VALUE = "(없음)";

    static final String EMPTY_LIST = "(빈 목록)";

    private ScenarioValues() {}

    static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            fail("표에 \"" + column + "\" 열이 없거나 비어 있습니다: " + row);
        }
        return value.trim();
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /**
     * Compares a scenario's value with a data value: numbers by value (5 = 5.0), lists as their
     * items joined by ", ", {@value #NO_VALUE} for null and {@value #EMPTY_LIST} for an empty list.
     */
    static boolean sameValue(String expected, Object actual) {
        return show(expected.trim()).equals(show(actual))
                || normalise(expected.trim()).equals(show(actual));
    }

    private static String normalise(String expected) {
        if (expected.matches("-?\\d+(\\.\\d+)?")) {
            return plain(new BigDecimal(expected));
        }
        return expected;
    }

    static String show(Object value) {
        if (value == null) {
            return NO_VALUE;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? EMPTY_LIST
                    : list.stream().map(ScenarioValues::show).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> shown = new LinkedHashMap<>();
            map.forEach((k, v) -> shown.put(String.valueOf(k), show(v)));
            return shown.toString();
        }
        if (value instanceof Number) {
            return plain(value);
        }
        return String.valueOf(value);
    }

    static String plain(Object number) {
        return number == null
                ? NO_VALUE
                : new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
}
