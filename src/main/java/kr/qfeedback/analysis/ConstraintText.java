package kr.qfeedback.analysis;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.rules.model.Profile;

/**
 * Reads the text of an MVEL constraint on a profile pattern: which profile fields it names, which
 * numbers it compares them with, and whether it may read the fact in some other way.
 */
final class ConstraintText {
    private static final Set<String> FIELD_SET = Set.copyOf(Arrays.stream(Profile.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList());
    /** Methods a constraint could call on the fact without naming a field. */
    private static final Set<String> PROFILE_METHODS = Set.of("toString", "hashCode", "equals", "getClass");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])-?\\d+(?:\\.\\d+)?");

    private ConstraintText() {}

    /** The expression with every string literal emptied, so that its words are not taken for names. */
    static String code(String expression) {
        return STRING_LITERAL.matcher(expression).replaceAll("\"\"");
    }

    /** Adds every number literal of {@code code} to {@code numbers}. */
    static void addNumbers(String code, Set<BigDecimal> numbers) {
        Matcher n = NUMBER.matcher(code);
        while (n.find()) {
            numbers.add(new BigDecimal(n.group()));
        }
    }

    /**
     * The profile fields {@code code} names; every way it may read the fact otherwise is told to
     * {@code opaque} (why, as in "refers to the whole profile (this)").
     */
    static Set<String> fieldsIn(String code, Consumer<String> opaque) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            String token = m.group();
            if (token.startsWith("$") || Character.isDigit(token.charAt(0))) {
                continue;
            }
            char before = previous(code, m.start());
            char after = next(code, m.end());
            if (before == '.') {
                continue;
            }
            if (token.equals("this")) {
                opaque.accept("refers to the whole profile (this)");
            } else if (FIELD_SET.contains(token)) {
                fields.add(token);
            } else if (accessorField(token) != null) {
                fields.add(accessorField(token));
            } else if (after == '(' && PROFILE_METHODS.contains(token)) {
                opaque.accept("calls " + token + "() on the profile");
            }
        }
        return fields;
    }

    /** The field a read method of the profile reads ({@code age}, {@code getAge}), else null. */
    static String fieldReadBy(String method) {
        return method == null ? null : FIELD_SET.contains(method) ? method : accessorField(method);
    }

    /** {@code getAge} or {@code isScored} to the field it reads, else null. */
    private static String accessorField(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length()
                    && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String field =
                        Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
                if (FIELD_SET.contains(field)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static char previous(String s, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    private static char next(String s, int index) {
        for (int i = index; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }
}
