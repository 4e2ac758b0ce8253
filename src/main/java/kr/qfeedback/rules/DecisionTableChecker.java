package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.rules.model.Flag;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads a decision-table workbook as staff see it and checks every cell before Drools does, so
 * that each problem names the sheet, row and column and says what the cell may hold. It
 * recognises the columns by their code snippet (row under the object types) and knows which
 * values each kind of column accepts. It also returns each row's description for the trace.
 */
public final class DecisionTableChecker {
    private static final Pattern FORALL_FIELD = Pattern.compile("forall\\(\\|\\|\\)\\{\\s*(\\w+)\\s*==");
    private static final Set<Character> TYPOGRAPHIC_QUOTES = Set.of('\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB');
    static final Map<String, Set<String>> ENUM_FIELDS = Map.of(
            "stage", names(Stage.values()),
            "result", names(ExamResult.values()),
            "grade", names(Grade.values()),
            "documents", union(names(DocumentStatus.values()), Set.of("UNKNOWN", "NOT_SUBMITTED_OVERDUE", "UNKNOWN_OVERDUE")),
            "exemptionRounds", Set.of("LEFT", "NONE_LEFT", "UNKNOWN"),
            "status", Set.of("ACTIVE", "EXPIRING", "EXPIRED"));

    private final String file;
    private final MessageCatalogue messages;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<String, Map<Integer, String>> descriptions = new LinkedHashMap<>();
    private final DataFormatter formatter = new DataFormatter();

    private DecisionTableChecker(String file, MessageCatalogue messages) {
        this.file = file;
        this.messages = messages;
    }

    /** What checking one workbook found: problems, and per sheet the description of each data row. */
    public record Result(List<RuleProblem> problems, Map<String, Map<Integer, String>> rowDescriptions) {

        public List<String> tableSheets() {
            return List.copyOf(rowDescriptions.keySet());
        }
    }

    /**
     * Checks an open workbook (the caller closes it; it is read from its bytes once for checking and
     * converting). {@code messages} may be null when messages.yaml itself is broken; message names
     * are then not checked.
     */
    public static Result check(String file, Workbook workbook, MessageCatalogue messages) {
        DecisionTableChecker checker = new DecisionTableChecker(file, messages);
        checker.run(workbook);
        return new Result(List.copyOf(checker.problems), Map.copyOf(checker.descriptions));
    }

    /** The problem of a file that POI cannot open or read as a workbook. */
    static RuleProblem unreadable(String file, Exception e) {
        if (e instanceof WorkbookLimits.Refused refused) {
            return RuleProblem.inFile(file, refused.getMessage());
        }
        return RuleProblem.inFile(file, "엑셀 파일을 열 수 없습니다(" + e.getClass().getSimpleName()
                + "). .xlsx 형식으로 저장했는지, 암호가 걸려 있지 않은지 확인해 주세요.");
    }

    /** What a column of the table holds, recognised by its keyword and code snippet. */
    enum Kind { DESCRIPTION, FLAG, MARK, ENUM, NUMBER, SECTION, ORDER, TONE, MESSAGE, DATA_STAGE, OTHER }

    private record Column(int index, String letter, String keyword, Kind kind, String field, String header) {
    }

    private void run(Workbook workbook) {
        try {
            boolean anyTable = false;
            for (Sheet sheet : workbook) {
                anyTable |= checkSheet(sheet);
            }
            if (!anyTable) {
                problems.add(RuleProblem.inFile(file, "'RuleTable'로 시작하는 표를 찾지 못했습니다. 결정표에는 RuleTable 행과 그 아래 CONDITION/ACTION 행이 있어야 합니다."));
            }
        } catch (RuntimeException e) {
            problems.add(unreadable(file, e));
        }
    }

    private boolean checkSheet(Sheet sheet) {
        int tableRow = -1;
        int tableCol = -1;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (text(cell).startsWith("RuleTable")) {
                    tableRow = row.getRowNum();
                    tableCol = cell.getColumnIndex();
                    break;
                }
            }
            if (tableRow >= 0) {
                break;
            }
        }
        if (tableRow < 0) {
            return false;
        }
        String sheetName = sheet.getSheetName();
        descriptions.put(sheetName, new LinkedHashMap<>());
        Row keywords = sheet.getRow(tableRow + 1);
        Row snippets = sheet.getRow(tableRow + 3);
        Row headers = sheet.getRow(tableRow + 4);
        if (keywords == null || snippets == null || headers == null) {
            problems.add(RuleProblem.atCell(file, sheetName, tableRow + 1, null,
                    "RuleTable 아래에 CONDITION/ACTION 행, 객체 행, 코드 행, 제목 행이 차례로 있어야 합니다."));
            return true;
        }
        List<Column> columns = new ArrayList<>();
        for (int c = tableCol; c < keywords.getLastCellNum(); c++) {
            String keyword = text(keywords.getCell(c));
            if (keyword.isEmpty()) {
                break;
            }
            String snippet = text(snippets.getCell(c));
            columns.add(new Column(c, CellReference.convertNumToColString(c), keyword, kindOf(keyword, snippet),
                    fieldOf(snippet), firstLine(text(headers.getCell(c)))));
        }
        for (int r = tableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || columns.stream().allMatch(col -> text(row.getCell(col.index())).isEmpty())) {
                break;
            }
            checkRow(sheetName, r + 1, row, columns);
        }
        return true;
    }

    private void checkRow(String sheet, int excelRow, Row row, List<Column> columns) {
        Set<Kind> filled = EnumSet.noneOf(Kind.class);
        Map<Kind, String> actions = new LinkedHashMap<>();
        for (Column col : columns) {
            String value = text(row.getCell(col.index()));
            if (col.kind() == Kind.DESCRIPTION) {
                descriptions.get(sheet).put(excelRow, value);
            }
            if (value.isEmpty()) {
                continue;
            }
            filled.add(col.kind());
            String where = "'" + col.header() + "' 칸";
            if (value.chars().anyMatch(ch -> TYPOGRAPHIC_QUOTES.contains((char) ch))) {
                problem(sheet, excelRow, col, where + "에 워드프로세서식 둥근 따옴표(“ ” ‘ ’)가 있습니다. 따옴표를 지우고 값만 적어 주세요.");
                continue;
            }
            if (col.kind() != Kind.DESCRIPTION && value.contains("\"")) {
                problem(sheet, excelRow, col, where + "에 따옴표(\")가 있습니다. 따옴표 없이 값만 적어 주세요.");
                continue;
            }
            if (col.kind() == Kind.DESCRIPTION && value.contains("*/")) {
                problem(sheet, excelRow, col, where + "에 */ 가 있습니다. 설명은 규칙의 주석이 되므로 */ 는 쓸 수 없습니다.");
                continue;
            }
            if (col.kind() != Kind.DESCRIPTION && value.indexOf('\\') >= 0) {
                problem(sheet, excelRow, col, where + "에 역슬래시(\\)가 있습니다. 값만 적어 주세요.");
                continue;
            }
            switch (col.kind()) {
                case FLAG -> {
                    if (!Flag.isMark(value)) {
                        problem(sheet, excelRow, col, where + " 값 '" + value + "'은(는) 쓸 수 없습니다. O(예), X(아니오) 또는 빈 칸만 쓸 수 있습니다.");
                    }
                }
                case MARK -> {
                    if (!value.equalsIgnoreCase(Flag.YES)) {
                        problem(sheet, excelRow, col, where + " 값 '" + value + "'은(는) 쓸 수 없습니다. O(해당할 때만) 또는 빈 칸(따지지 않음)만 쓸 수 있습니다.");
                    }
                }
                case ENUM -> {
                    Set<String> allowed = ENUM_FIELDS.getOrDefault(col.field(), Set.of());
                    for (String item : value.split(",")) {
                        if (!allowed.contains(item.strip())) {
                            problem(sheet, excelRow, col, where + "의 '" + item.strip() + "'은(는) 알 수 없는 값입니다. 쓸 수 있는 값: "
                                    + allowed.stream().sorted().collect(Collectors.joining(", ")) + " (여러 개는 쉼표로 구분).");
                        }
                    }
                }
                case NUMBER -> {
                    // No leading zeros: the cell becomes a Java literal, and 060 is octal (48), 09 does not compile.
                    if (!value.matches("(0|[1-9]\\d*)(\\.\\d+)?") || Double.parseDouble(value) > 100) {
                        problem(sheet, excelRow, col, where + " 값 '" + value + "'은(는) 쓸 수 없습니다. 0~100 사이의 숫자를 앞에 0 없이 적어 주세요(예: 60, 59.5).");
                    }
                }
                case SECTION -> {
                    if (SectionId.parse(value).isEmpty()) {
                        problem(sheet, excelRow, col, where + "의 '" + value + "'은(는) 알 수 없는 섹션 ID입니다. 쓸 수 있는 값: "
                                + Arrays.stream(SectionId.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
                    }
                    actions.put(Kind.SECTION, value);
                }
                case ORDER -> {
                    if (!value.matches("0|[1-9]\\d{0,3}")) {
                        problem(sheet, excelRow, col, where + " 값 '" + value + "'은(는) 순서로 쓸 수 없습니다. 0~9999 사이의 정수를 앞에 0 없이 적어 주세요(예: 10).");
                    }
                    actions.put(Kind.ORDER, value);
                }
                case TONE -> {
                    if (!names(Tone.values()).contains(value)) {
                        problem(sheet, excelRow, col, where + "의 '" + value + "'은(는) 알 수 없는 톤입니다. SUCCESS, FAILURE, WARNING, INFO 중 하나를 적어 주세요.");
                    }
                    actions.put(Kind.TONE, value);
                }
                case MESSAGE -> actions.put(Kind.MESSAGE, value);
                case DATA_STAGE -> {
                    if (!names(DataStage.values()).contains(value)) {
                        problem(sheet, excelRow, col, where + "의 '" + value + "'은(는) 쓸 수 없습니다. SAME(이번 단계) 또는 NEXT(다음 단계)를 적어 주세요.");
                    }
                }
                default -> {
                }
            }
        }
        checkActions(sheet, excelRow, columns, filled, actions);
    }

    /**
     * {@code filled}: kinds of the non-empty cells of the row; {@code actions}: values of the action
     * cells that passed the quote checks (a cell already reported is not reported again as empty or
     * as an unknown message).
     */
    private void checkActions(String sheet, int excelRow, List<Column> columns, Set<Kind> filled, Map<Kind, String> actions) {
        if (!filled.contains(Kind.SECTION)) {
            if (filled.contains(Kind.ORDER) || filled.contains(Kind.TONE) || filled.contains(Kind.MESSAGE)) {
                Column section = columns.stream().filter(c -> c.kind() == Kind.SECTION).findFirst().orElse(null);
                problem(sheet, excelRow, section, "보여 줄 섹션이 비어 있습니다. 순서·톤·문구를 적은 행에는 섹션 ID도 적어 주세요.");
            }
            return;
        }
        for (Kind required : List.of(Kind.ORDER, Kind.TONE, Kind.MESSAGE)) {
            if (!filled.contains(required)) {
                Column col = columns.stream().filter(c -> c.kind() == required).findFirst().orElse(null);
                problem(sheet, excelRow, col, "'" + (col == null ? required.name() : col.header())
                        + "' 칸이 비어 있습니다. 섹션을 보여 주는 행에는 순서, 톤, 문구가 모두 있어야 합니다.");
            }
        }
        String message = actions.get(Kind.MESSAGE);
        SectionId section = SectionId.parse(actions.get(Kind.SECTION)).orElse(null);
        if (messages != null && section != null && message != null && messages.template(section, message).isEmpty()) {
            Column col = columns.stream().filter(c -> c.kind() == Kind.MESSAGE).findFirst().orElse(null);
            problem(sheet, excelRow, col, "문구 '" + message + "'이(가) messages.yaml 의 섹션 " + section
                    + " 아래에 없습니다. messages.yaml 에 추가하거나 있는 문구 이름("
                    + String.join(", ", messages.sections().getOrDefault(section, Map.of()).keySet()) + ")을 적어 주세요.");
        }
    }

    private void problem(String sheet, int excelRow, Column col, String message) {
        problems.add(RuleProblem.atCell(file, sheet, excelRow, col == null ? null : col.letter(), message));
    }

    static Kind kindOf(String keyword, String snippet) {
        String k = keyword.toUpperCase();
        if (k.equals("DESCRIPTION")) {
            return Kind.DESCRIPTION;
        }
        if (k.equals("CONDITION")) {
            if (snippet.contains("Flag.of(")) {
                return Kind.FLAG;
            }
            if (snippet.isBlank()) {
                return Kind.MARK;
            }
            if (snippet.startsWith("forall")) {
                return Kind.ENUM;
            }
            if (snippet.contains("$param") && !snippet.contains("\"$param\"")) {
                return Kind.NUMBER;
            }
            return Kind.OTHER;
        }
        if (k.equals("ACTION")) {
            if (snippet.contains("new SectionShown(")) {
                return Kind.SECTION;
            }
            if (snippet.contains("setOrder(")) {
                return Kind.ORDER;
            }
            if (snippet.contains("setTone(")) {
                return Kind.TONE;
            }
            if (snippet.contains("setMessage(")) {
                return Kind.MESSAGE;
            }
            if (snippet.contains("setDataStage(")) {
                return Kind.DATA_STAGE;
            }
        }
        return Kind.OTHER;
    }

    static String fieldOf(String snippet) {
        Matcher m = FORALL_FIELD.matcher(snippet);
        return m.find() ? m.group(1) : null;
    }

    private String text(Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }

    private static String firstLine(String header) {
        int nl = header.indexOf('\n');
        return nl < 0 ? header : header.substring(0, nl);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
