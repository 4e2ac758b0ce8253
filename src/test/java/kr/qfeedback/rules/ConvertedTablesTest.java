package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtCell;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.SectionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version that changes only texts takes the DRL its unchanged workbooks became instead of reading them again. */
class ConvertedTablesTest {
    @TempDir
    Path dir;

    /** The shipped table converted straight from its workbook, as a compile without kept DRL does. */
    private static List<GeneratedDrl> convertedFromTheWorkbook(RuleFolder rules, MessageCatalogue messages) {
        RuleFiles files = RuleFiles.read(rules.dir());
        try (WorkbookOpener workbooks = new WorkbookOpener(files, List.of(RuleFolder.TABLE))) {
            List<RuleProblem> problems = new java.util.ArrayList<>();
            List<GeneratedDrl> drl =
                    TableSources.convertTable(RuleFolder.TABLE, workbooks.take(RuleFolder.TABLE), messages, problems);
            assertEquals(List.of(), problems);
            return drl;
        }
    }

    @Test
    void aTextEditTakesTheDrlItsUnchangedWorkbookBecameBefore() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        RuleSet before = rules.compile();
        rules.replace("messages.yaml", "필기시험에 합격하셨습니다", "필기시험에 합격했습니다");
        RuleFiles edited = RuleFiles.read(rules.dir());

        long found = ConvertedTables.SHARED.found();
        RuleSet after = rules.compile();

        assertTrue(ConvertedTables.SHARED.found() > found, "the workbook was read again");
        assertNotEquals(before.version(), after.version());
        List<GeneratedDrl> kept = ConvertedTables.SHARED
                .find(edited, List.of(RuleFolder.TABLE))
                .orElseThrow()
                .drl();
        assertEquals(
                convertedFromTheWorkbook(rules, after.messages()).stream()
                        .map(GeneratedDrl::drl)
                        .toList(),
                kept.stream().map(GeneratedDrl::drl).toList(),
                "the kept DRL is what converting the workbook gives");
        assertEquals(before.ruleCount(), after.ruleCount());
    }

    @Test
    void aTextEditThatRemovesAMessageATableRowShowsIsStillReportedAtItsCell() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.compile();
        rules.replace("messages.yaml", "    WRITTEN_PASS_VOID:", "    WRITTEN_PASS_VOIDED:");

        List<RuleProblem> problems = rules.problems();

        RuleProblem atCell = problems.stream()
                .filter(p -> p.describe().contains("'WRITTEN_PASS_VOID'"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(RuleFolder.describe(problems)));
        assertAtCell(atCell, 11, "X");
        assertKoreanSaying(atCell, "'WRITTEN_PASS_VOID'", "messages.yaml", "RESULT_SUMMARY");
    }

    @Test
    void theShippedTablesNameOnlyMessagesTheShippedMessagesHave() {
        RuleSet shipped = RuleFolder.copyOfShippedRules(dir.resolve("shipped")).compile();
        java.util.Set<Map.Entry<SectionId, String>> named = ConvertedTables.messagesNamedIn(convertedFromTheWorkbook(
                        RuleFolder.copyOfShippedRules(dir.resolve("again")), shipped.messages()))
                .orElseThrow();
        assertTrue(named.size() > 20, () -> "read " + named);
        assertTrue(named.contains(Map.entry(SectionId.RESULT_SUMMARY, "WRITTEN_PASS")), () -> "read " + named);
        assertTrue(new ConvertedTables.Converted(List.of(), named).namesOnlyMessagesOf(shipped.messages()));
    }

    @Test
    void aRuleThatShowsASectionWithoutAReadableMessageKeepsNothing() {
        String drl = "rule \"a\"\nwhen\nthen\n SectionShown shown = new SectionShown(\"RESULT_SUMMARY\", \"a\");"
                + " insert(shown);\nend\n";
        GeneratedDrl source = new GeneratedDrl("t.drl.xlsx", "s", drl, true, Map.of());
        assertTrue(ConvertedTables.messagesNamedIn(List.of(source)).isEmpty());
        String twoMessages =
                drl.replace("insert(shown);", "insert(shown); shown.setMessage(\"A\"); shown.setMessage(\"B\");");
        assertTrue(ConvertedTables.messagesNamedIn(
                        List.of(new GeneratedDrl("t.drl.xlsx", "s", twoMessages, true, Map.of())))
                .isEmpty());
    }
}
