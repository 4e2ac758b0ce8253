package kr.qfeedback.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.rules.model.Flag;

/**
 * The checks of one decision-table row: each filled cell against what its column accepts, then the
 * row's actions together (a shown section needs its order, tone and a message messages.yaml has).
 * Each problem names the sheet, row and column in Korean.
 */
final class TableRowCheck {
    private static final Set<Character> TYPOGRAPHIC_QUOTES =
            Set.of('\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB');

    private final String file;
    private final MessageCatalogue messages;
    private final List<RuleProblem> problems;

    /** {@code messages} may be null (messages.yaml broken): message names are then not checked. */
    TableRowCheck(String file, MessageCatalogue messages, List<RuleProblem> problems) {
        this.file = file;
        this.messages = messages;
        this.problems = problems;
    }

    /** Checks one non-empty cell; the values of action cells that pass the quote checks go to {@code actions}. */
    void checkCell(String sheet, int excelRow, TableColumn col, String value, Map<ColumnKind, String> actions) {
        String where = "'" + col.header() + "' 칸";
        if (value.chars().anyMatch(ch -> TYPOGRAPHIC_QUOTES.contains((char) ch))) {
            problem(sheet, excelRow, col, where + "에 워드프로세서식 둥근 따옴표(“ ” ‘ ’)가 있습니다. 따옴표를 지우고 값만 적어 주세요.");
            return;
        }
        if (col.kind() != ColumnKind.DESCRIPTION && value.contains("\"")) {
            problem(sheet, excelRow, col, where + "에 따옴표(\")가 있습니다. 따옴표 없이 값만 적어 주세요.");
            return;
        }
        if (col.kind() == ColumnKind.DESCRIPTION && value.contains("*/")) {
            problem(sheet, excelRow, col, where + "에 */ 가 있습니다. 설명은 규칙의 주석이 되므로 */ 는 쓸 수 없습니다.");
            return;
        }
        if (col.kind() != ColumnKind.DESCRIPTION && value.indexOf('\\') >= 0) {
            problem(sheet, excelRow, col, where + "에 역슬래시(\\)가 있습니다. 값만 적어 주세요.");
            return;
        }
        switch (col.kind()) {
            case FLAG -> {
                if (!Flag.isMark(value)) {
                    problem(
                            sheet,
                            excelRow,
                            col,
                            where + " 값 '" + value + "'은(는) 쓸 수 없습니다. O(예), X(아니오) 또는 빈 칸만 쓸 수 있습니다.");
                }
            }
            case MARK -> {
                if (!value.equalsIgnoreCase(Flag.YES)) {
                    problem(
                            sheet,
                            excelRow,
                            col,
                            where + " 값 '" + value + "'은(는) 쓸 수 없습니다. O(해당할 때만) 또는 빈 칸(따지지 않음)만 쓸 수 있습니다.");
                }
            }
            case ENUM -> {
                Set<String> allowed = ColumnKind.ENUM_FIELDS.getOrDefault(col.field(), Set.of());
                for (String item : value.split(",")) {
                    if (!allowed.contains(item.strip())) {
                        problem(
                                sheet,
                                excelRow,
                                col,
                                where + "의 '" + item.strip() + "'은(는) 알 수 없는 값입니다. 쓸 수 있는 값: "
                                        + allowed.stream().sorted().collect(Collectors.joining(", "))
                                        + " (여러 개는 쉼표로 구분).");
                    }
                }
            }
            case NUMBER -> {
                // No leading zeros: the cell becomes a Java literal, and 060 is octal (48), 09 does not compile.
                if (!value.matches("(0|[1-9]\\d*)(\\.\\d+)?") || Double.parseDouble(value) > 100) {
                    problem(
                            sheet,
                            excelRow,
                            col,
                            where + " 값 '" + value + "'은(는) 쓸 수 없습니다. 0~100 사이의 숫자를 앞에 0 없이 적어 주세요(예: 60, 59.5).");
                }
            }
            case SECTION -> {
                if (SectionId.parse(value).isEmpty()) {
                    problem(
                            sheet,
                            excelRow,
                            col,
                            where + "의 '" + value + "'은(는) 알 수 없는 섹션 ID입니다. 쓸 수 있는 값: "
                                    + Arrays.stream(SectionId.values())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", "))
                                    + ".");
                }
                actions.put(ColumnKind.SECTION, value);
            }
            case ORDER -> {
                if (!value.matches("0|[1-9]\\d{0,3}")) {
                    problem(
                            sheet,
                            excelRow,
                            col,
                            where + " 값 '" + value + "'은(는) 순서로 쓸 수 없습니다. 0~9999 사이의 정수를 앞에 0 없이 적어 주세요(예: 10).");
                }
                actions.put(ColumnKind.ORDER, value);
            }
            case TONE -> {
                if (!ColumnKind.names(Tone.values()).contains(value)) {
                    problem(
                            sheet,
                            excelRow,
                            col,
                            where + "의 '" + value + "'은(는) 알 수 없는 톤입니다. SUCCESS, FAILURE, WARNING, INFO 중 하나를 적어 주세요.");
                }
                actions.put(ColumnKind.TONE, value);
            }
            case MESSAGE -> actions.put(ColumnKind.MESSAGE, value);
            case DATA_STAGE -> {
                if (!ColumnKind.names(DataStage.values()).contains(value)) {
                    problem(
                            sheet,
                            excelRow,
                            col,
                            where + "의 '" + value + "'은(는) 쓸 수 없습니다. SAME(이번 단계) 또는 NEXT(다음 단계)를 적어 주세요.");
                }
            }
            default -> {}
        }
    }

    /**
     * {@code filled}: kinds of the non-empty cells of the row; {@code actions}: values of the action
     * cells that passed the quote checks (a cell already reported is not reported again as empty or
     * as an unknown message).
     */
    void checkActions(
            String sheet,
            int excelRow,
            List<TableColumn> columns,
            Set<ColumnKind> filled,
            Map<ColumnKind, String> actions) {
        if (!filled.contains(ColumnKind.SECTION)) {
            if (filled.contains(ColumnKind.ORDER)
                    || filled.contains(ColumnKind.TONE)
                    || filled.contains(ColumnKind.MESSAGE)) {
                TableColumn section = columns.stream()
                        .filter(c -> c.kind() == ColumnKind.SECTION)
                        .findFirst()
                        .orElse(null);
                problem(sheet, excelRow, section, "보여 줄 섹션이 비어 있습니다. 순서·톤·문구를 적은 행에는 섹션 ID도 적어 주세요.");
            }
            return;
        }
        for (ColumnKind required : List.of(ColumnKind.ORDER, ColumnKind.TONE, ColumnKind.MESSAGE)) {
            if (!filled.contains(required)) {
                TableColumn col = columns.stream()
                        .filter(c -> c.kind() == required)
                        .findFirst()
                        .orElse(null);
                problem(
                        sheet,
                        excelRow,
                        col,
                        "'" + (col == null ? required.name() : col.header())
                                + "' 칸이 비어 있습니다. 섹션을 보여 주는 행에는 순서, 톤, 문구가 모두 있어야 합니다.");
            }
        }
        String message = actions.get(ColumnKind.MESSAGE);
        SectionId section = SectionId.parse(actions.get(ColumnKind.SECTION)).orElse(null);
        if (messages != null
                && section != null
                && message != null
                && messages.template(section, message).isEmpty()) {
            TableColumn col = columns.stream()
                    .filter(c -> c.kind() == ColumnKind.MESSAGE)
                    .findFirst()
                    .orElse(null);
            problem(
                    sheet,
                    excelRow,
                    col,
                    "문구 '" + message + "'이(가) messages.yaml 의 섹션 " + section
                            + " 아래에 없습니다. messages.yaml 에 추가하거나 있는 문구 이름("
                            + String.join(
                                    ", ",
                                    messages.sections()
                                            .getOrDefault(section, Map.of())
                                            .keySet()) + ")을 적어 주세요.");
        }
    }

    private void problem(String sheet, int excelRow, TableColumn col, String message) {
        problems.add(RuleProblem.atCell(file, sheet, excelRow, col == null ? null : col.letter(), message));
    }
}
