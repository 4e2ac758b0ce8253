package kr.qfeedback.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * A decision table's workbook checked cell by cell and converted to DRL sheet by sheet, every
 * problem located at its sheet, row and column.
 */
final class TableSources {
    private TableSources() {}

    static List<GeneratedDrl> convertTable(
            String file, WorkbookOpener.Opened opened, MessageCatalogue messages, List<RuleProblem> problems) {
        if (opened.workbook() == null) {
            problems.add(DecisionTableChecker.unreadable(RuleFiles.display(file), opened.failure()));
            return List.of();
        }
        try (Workbook workbook = opened.workbook()) {
            return convertTable(file, workbook, messages, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the workbook " + file + " read from memory", e);
        }
    }

    /** Checks the open workbook, then converts each of its tables to DRL (POI reads the file once). */
    private static List<GeneratedDrl> convertTable(
            String file, Workbook workbook, MessageCatalogue messages, List<RuleProblem> problems) {
        List<RuleProblem> template = TableTemplate.check(RuleFiles.display(file), workbook);
        if (!template.isEmpty()) {
            // A table whose code rows are not the application's is not read any further.
            problems.addAll(template);
            return List.of();
        }
        DecisionTableChecker.Result checked = DecisionTableChecker.check(RuleFiles.display(file), workbook, messages);
        problems.addAll(checked.problems());
        if (!checked.problems().isEmpty()) {
            return List.of();
        }
        List<GeneratedDrl> result = new ArrayList<>();
        SpreadsheetCompiler compiler = new SpreadsheetCompiler();
        for (String sheet : checked.tableSheets()) {
            try {
                String drl = drlOf(compiler, workbook, sheet);
                result.add(new GeneratedDrl(
                        file, sheet, drl, true, checked.rowDescriptions().get(sheet)));
            } catch (RuntimeException e) {
                problems.add(RuleProblem.atCell(
                        RuleFiles.display(file),
                        sheet,
                        rowIn(e.getMessage()),
                        null,
                        "결정표를 읽을 수 없습니다: " + DroolsProblems.oneLine(e.getMessage())
                                + ". RuleTable 아래 행(CONDITION/ACTION, 객체, 코드, 제목)의 구조를 확인해 주세요."));
            }
        }
        return result;
    }

    /**
     * The DRL of one sheet, as {@link SpreadsheetCompiler#compile(java.io.InputStream, String)} gives
     * it, from the workbook already open.
     */
    static String drlOf(SpreadsheetCompiler compiler, Workbook workbook, String sheet) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.setWorksheetName(sheet);
        Map<String, List<DataListener>> listeners = new HashMap<>();
        listeners.put(sheet, List.of(listener));
        new ExcelParser(listeners).parseWorkbook(workbook);
        return compiler.listenerToString(listener);
    }

    private static Integer rowIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = Pattern.compile("row (\\d+)|[A-Z]+(\\d+)").matcher(message);
        if (m.find()) {
            return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return null;
    }
}
