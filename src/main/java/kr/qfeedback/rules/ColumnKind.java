package kr.qfeedback.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;

/**
 * What a column of the decision table holds, recognised by its keyword (CONDITION, ACTION,
 * DESCRIPTION) and its code snippet; the table checks and the form aids both go by it.
 */
enum ColumnKind {
    DESCRIPTION,
    FLAG,
    MARK,
    ENUM,
    NUMBER,
    SECTION,
    ORDER,
    TONE,
    MESSAGE,
    DATA_STAGE,
    OTHER;

    private static final Pattern FORALL_FIELD = Pattern.compile("forall\\(\\|\\|\\)\\{\\s*(\\w+)\\s*==");

    /** The values an {@link #ENUM} column accepts, by the profile field it tests. */
    static final Map<String, Set<String>> ENUM_FIELDS = Map.of(
            "stage", names(Stage.values()),
            "result", names(ExamResult.values()),
            "grade", names(Grade.values()),
            "documents",
                    union(
                            names(DocumentStatus.values()),
                            Set.of("UNKNOWN", "NOT_SUBMITTED_OVERDUE", "UNKNOWN_OVERDUE")),
            "exemptionRounds", Set.of("LEFT", "NONE_LEFT", "UNKNOWN"),
            "status", Set.of("ACTIVE", "EXPIRING", "EXPIRED"));

    static ColumnKind of(String keyword, String snippet) {
        String k = keyword.toUpperCase();
        if (k.equals("DESCRIPTION")) {
            return DESCRIPTION;
        }
        if (k.equals("CONDITION")) {
            if (snippet.contains("Flag.of(")) {
                return FLAG;
            }
            if (snippet.isBlank()) {
                return MARK;
            }
            if (snippet.startsWith("forall")) {
                return ENUM;
            }
            if (snippet.contains("$param") && !snippet.contains("\"$param\"")) {
                return NUMBER;
            }
            return OTHER;
        }
        if (k.equals("ACTION")) {
            if (snippet.contains("new SectionShown(")) {
                return SECTION;
            }
            if (snippet.contains("setOrder(")) {
                return ORDER;
            }
            if (snippet.contains("setTone(")) {
                return TONE;
            }
            if (snippet.contains("setMessage(")) {
                return MESSAGE;
            }
            if (snippet.contains("setDataStage(")) {
                return DATA_STAGE;
            }
        }
        return OTHER;
    }

    /** The profile field an {@link #ENUM} column's snippet tests; null for other snippets. */
    static String fieldOf(String snippet) {
        Matcher m = FORALL_FIELD.matcher(snippet);
        return m.find() ? m.group(1) : null;
    }

    static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
