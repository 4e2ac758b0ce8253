package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;

class DecisionTableConversionTest {

    @Test
    void eachSheetOfTheOpenWorkbookGivesTheDrlDroolsGivesFromTheFileBytes() throws Exception {
        byte[] content = Files.readAllBytes(Path.of("rules", "sections.drl.xlsx"));
        SpreadsheetCompiler compiler = new SpreadsheetCompiler();
        int compared = 0;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                if (sheet.getSheetName().equals(SectionTableForm.LIST_SHEET)) {
                    continue; // the form's hidden value lists: no rule table, and the compiler reads only table sheets
                }
                String fromBytes = compiler.compile(new ByteArrayInputStream(content), sheet.getSheetName());
                assertEquals(
                        fromBytes, TableSources.drlOf(compiler, workbook, sheet.getSheetName()), sheet.getSheetName());
                if (fromBytes.contains("rule ")) {
                    compared++;
                }
            }
        }
        assertFalse(compared == 0, "the shipped table has at least one sheet with rules");
    }
}
