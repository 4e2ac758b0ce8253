package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.impact.ImpactAnalyzer;
import kr.qfeedback.impact.ImpactReport;
import kr.qfeedback.testing.ShippedRules;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy staff may open and save the decision table in LibreOffice Calc instead of Excel. The
 * shipped table, saved again by LibreOffice headless ({@code soffice --convert-to xlsx}; .ci/run
 * installs it), keeps the aids the project's code wrote and decides every candidate of a generated
 * cohort exactly as the shipped one.
 */
class TheShippedTableRoundTripsThroughLibreOfficeTest {
    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final int HEADER_ROW = 8;

    @Test
    @Timeout(300)
    void aTableSavedAgainByLibreOfficeKeepsItsAidsAndDecidesAsTheShippedOne(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SOFFICE), "needs LibreOffice (soffice); .ci/run installs it");
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir.resolve("rules"));
        Path table = folder.dir().resolve(RuleFolder.TABLE);
        Path out = Files.createDirectories(dir.resolve("saved"));
        Process soffice = new ProcessBuilder(
                        SOFFICE.toString(),
                        "--headless",
                        "--norestore",
                        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--convert-to",
                        "xlsx",
                        "--outdir",
                        out.toString(),
                        table.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.txt").toFile())
                .start();
        assertTrue(soffice.waitFor(240, TimeUnit.SECONDS), "LibreOffice did not finish");
        String said = Files.readString(dir.resolve("soffice.txt"), StandardCharsets.UTF_8);
        assertEquals(0, soffice.exitValue(), said);
        Path saved = out.resolve(RuleFolder.TABLE);
        assertTrue(Files.exists(saved), said);
        Files.copy(saved, table, StandardCopyOption.REPLACE_EXISTING);

        try (XSSFWorkbook again = open(table);
                XSSFWorkbook shipped = open(RuleFolder.SHIPPED.resolve(RuleFolder.TABLE))) {
            XSSFSheet before = shipped.getSheet(RuleFolder.SHEET);
            XSSFSheet after = again.getSheet(RuleFolder.SHEET);
            assertEquals(
                    before.getDataValidations().size(),
                    after.getDataValidations().size(),
                    "every dropdown and range check is still there");
            assertEquals(comments(before), comments(after), "every header keeps its comment");
            assertTrue(after.getProtect(), "the sheet is still protected");
            assertTrue(
                    again.isSheetHidden(again.getSheetIndex(SectionTableForm.LIST_SHEET)),
                    "the long lists stay out of sight");
        }

        RuleSet shippedRules = ShippedRules.compiled();
        RuleSet savedRules = new RuleSetCompiler().compile(RuleFiles.read(folder.dir()));
        List<kr.qfeedback.feedback.FeedbackRequest> cohort =
                CohortGenerator.list(shippedRules.reference(), shippedRules.parameters(), 2026, 5_000);
        ImpactReport report = new ImpactAnalyzer().compare(shippedRules, savedRules, cohort);
        assertEquals(5_000, report.candidates());
        assertEquals(0, report.candidatesAffected(), "the saved table decides as the shipped one");
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static int comments(XSSFSheet sheet) {
        Row header = sheet.getRow(HEADER_ROW);
        int count = 0;
        for (int c = 0; c < header.getLastCellNum(); c++) {
            if (header.getCell(c) != null && header.getCell(c).getCellComment() != null) {
                count++;
            }
        }
        return count;
    }
}
