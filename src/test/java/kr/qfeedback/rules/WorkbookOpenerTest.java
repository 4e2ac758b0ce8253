package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks open beside the other reads: each is handed over once, with why it could not be opened when so. */
class WorkbookOpenerTest {

    @Test
    void aTableIsHandedOverOpenOnceAndABrokenOneWithItsFailure(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("rules", "sections.drl.xlsx"), dir.resolve("sections.drl.xlsx"));
        Files.writeString(dir.resolve("broken.drl.xlsx"), "not a workbook");
        RuleFiles files = RuleFiles.read(dir);
        try (WorkbookOpener opener = new WorkbookOpener(files, List.of("sections.drl.xlsx", "broken.drl.xlsx"))) {
            WorkbookOpener.Opened broken = opener.take("broken.drl.xlsx");
            assertNull(broken.workbook());
            assertNotNull(broken.failure());
            WorkbookOpener.Opened sections = opener.take("sections.drl.xlsx");
            assertNull(sections.failure());
            try (var workbook = sections.workbook()) {
                assertNotNull(workbook.getSheetAt(0));
            }
            assertThrows(IllegalArgumentException.class, () -> opener.take("sections.drl.xlsx"), "handed over once");
        }
    }

    @Test
    void aTableNotOpenedAheadIsOpenedWhenTaken(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("rules", "sections.drl.xlsx"), dir.resolve("sections.drl.xlsx"));
        try (WorkbookOpener opener = new WorkbookOpener(RuleFiles.read(dir), List.of())) {
            WorkbookOpener.Opened sections = opener.take("sections.drl.xlsx");
            try (var workbook = sections.workbook()) {
                assertNotNull(workbook.getSheetAt(0));
            }
            assertThrows(IllegalArgumentException.class, () -> opener.take("sections.drl.xlsx"), "handed over once");
            assertThrows(
                    IllegalArgumentException.class, () -> opener.take("other.drl.xlsx"), "not a file of the folder");
        }
    }

    @Test
    void workbooksNeverTakenAreClosedWithTheOpener(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("rules", "sections.drl.xlsx"), dir.resolve("sections.drl.xlsx"));
        WorkbookOpener opener = new WorkbookOpener(RuleFiles.read(dir), List.of("sections.drl.xlsx"));
        opener.close();
        assertThrows(
                IllegalArgumentException.class,
                () -> opener.take("sections.drl.xlsx"),
                "nothing is left to take once closed");
    }
}
