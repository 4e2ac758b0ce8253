package kr.qfeedback.rules;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drools' own messages (parser or compiler) turned into Korean problems where staff find them: the
 * line of a DRL file, or the row of the decision table the generated DRL came from.
 */
final class DroolsProblems {
    private static final Pattern QUOTED = Pattern.compile("'([^']{1,80})'|\"([^\"]{1,80})\"");
    private static final Pattern UNKNOWN_FIELD =
            Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.\\w+\\(\\)");

    private DroolsProblems() {}

    /** A Drools message (parser or compiler) about {@code line} of {@code source}, where staff find it. */
    static RuleProblem locate(GeneratedDrl source, int line, String message) {
        String text = oneLine(message);
        if (source == null) {
            return RuleProblem.inFile(RuleFiles.DISPLAY_ROOT, "규칙 컴파일 오류: " + text);
        }
        if (!source.fromTable()) {
            return RuleProblem.atLine(
                    RuleFiles.display(source.file()),
                    line > 0 ? line : null,
                    "DRL 규칙 오류: " + text + ". 괄호, 따옴표, 필드 이름(rules/README.md 의 Profile 표)을 확인해 주세요."
                            + knownFields(text));
        }
        Integer row = source.rowOfLine(line);
        return RuleProblem.atCell(
                RuleFiles.display(source.file()),
                source.sheet(),
                row,
                null,
                "이 행의 조건이나 동작을 규칙으로 바꿀 수 없습니다(" + culprit(text) + "). 칸에 허용되는 값만 적었는지 확인해 주세요.");
    }

    /** For an unknown field, the names the fact does have, e.g. " Profile 에서 쓸 수 있는 이름: outcome, stage, …". */
    private static String knownFields(String text) {
        Matcher m = UNKNOWN_FIELD.matcher(text);
        if (!m.find()) {
            return "";
        }
        try {
            Class<?> type = Class.forName(m.group(1), false, RuleSetCompiler.class.getClassLoader());
            if (!type.isRecord()) {
                return "";
            }
            return " " + type.getSimpleName() + " 에서 쓸 수 있는 이름: "
                    + Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getName)
                            .collect(Collectors.joining(", "))
                    + ".";
        } catch (ClassNotFoundException | LinkageError e) {
            return "";
        }
    }

    private static String culprit(String text) {
        Matcher m = QUOTED.matcher(text);
        return m.find() ? "문제가 된 값: " + (m.group(1) != null ? m.group(1) : m.group(2)) : text;
    }

    /** {@code text} on one line, runs of white space made one space. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
