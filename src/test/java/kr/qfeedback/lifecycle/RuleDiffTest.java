package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDiffTest {
    @TempDir
    Path temp;

    @Test
    void changingOneCellOfTheSectionTableIsReportedAsExactlyThatCell() throws IOException {
        Path rules = ShippedRules.copyInto(temp.resolve("rules"));
        RuleFiles before = RuleFiles.read(rules);
        ShippedRules.setCell(rules.resolve("sections.drl.xlsx"), "섹션표시", "V10", 15);

        List<FileChange> diff = RuleDiff.between(before, RuleFiles.read(rules));

        assertEquals(
                List.of(new FileChange(
                        "sections.drl.xlsx",
                        ChangeKind.CHANGED,
                        List.of(new CellChange("섹션표시", "V10", "10", "15")),
                        List.of(),
                        0)),
                diff);
    }

    @Test
    void changingTheYouthAgeInParametersGivesOneChangedLineWithItsNumber() throws IOException {
        Path rules = ShippedRules.copyInto(temp.resolve("rules"));
        RuleFiles before = RuleFiles.read(rules);
        List<String> lines = Files.readAllLines(rules.resolve("parameters.yaml"), StandardCharsets.UTF_8);
        int lineNo = lines.indexOf("청년 할인 최대 나이: 34") + 1;
        ShippedRules.replace(rules.resolve("parameters.yaml"), "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");

        List<FileChange> diff = RuleDiff.between(before, RuleFiles.read(rules));

        assertTrue(lineNo > 0);
        assertEquals(
                List.of(new FileChange(
                        "parameters.yaml",
                        ChangeKind.CHANGED,
                        List.of(),
                        List.of(new LineChange(lineNo, lineNo, "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39")),
                        0)),
                diff);
    }

    @Test
    void insertedAndDeletedLinesCarryOnlyTheirOwnSideAndNumber() {
        List<LineChange> changes = LineDiff.between("a\nb\nc\nd\n", "a\nc\nd\nx\ne\n");

        assertEquals(
                List.of(
                        new LineChange(2, null, "b", null),
                        new LineChange(null, 4, null, "x"),
                        new LineChange(null, 5, null, "e")),
                changes);
    }

    @Test
    void aFirstVersionReportsEveryFileAsAdded() throws IOException {
        RuleFiles rules = RuleFiles.read(ShippedRules.copyInto(temp.resolve("rules")));

        List<FileChange> diff = RuleDiff.between(null, rules);

        assertEquals(
                rules.files().keySet().stream().sorted().collect(Collectors.toList()),
                diff.stream().map(FileChange::path).collect(Collectors.toList()));
        assertTrue(diff.stream().allMatch(c -> c.kind() == ChangeKind.ADDED));
    }

    @Test
    void identicalRulesHaveNoChangesAndAddedOrRemovedFilesAreNamed() throws IOException {
        Path rules = ShippedRules.copyInto(temp.resolve("rules"));
        RuleFiles before = RuleFiles.read(rules);
        assertEquals(List.of(), RuleDiff.between(before, RuleFiles.read(rules)));

        Files.delete(rules.resolve("README.md"));
        Files.writeString(rules.resolve("extra.drl"), "package x;\n", StandardCharsets.UTF_8);

        assertEquals(
                List.of(
                        FileChange.whole("README.md", ChangeKind.REMOVED),
                        FileChange.whole("extra.drl", ChangeKind.ADDED)),
                RuleDiff.between(before, RuleFiles.read(rules)));
    }

    @Test
    void aLargeChangeToTheReferenceDataListsTwoHundredLinesAndCountsTheRest() throws IOException {
        Path rules = ShippedRules.copyInto(temp.resolve("rules"));
        RuleFiles before = RuleFiles.read(rules);
        Path json = rules.resolve("reference/qualifications.json");
        List<String> lines = Files.readAllLines(json, StandardCharsets.UTF_8);
        int edited = 0;
        for (int i = 0; i < lines.size(); i += 100) {
            lines.set(i, lines.get(i) + " ");
            edited++;
        }
        Files.write(json, lines, StandardCharsets.UTF_8);

        FileChange change = RuleDiff.between(before, RuleFiles.read(rules)).get(0);

        assertEquals("reference/qualifications.json", change.path());
        assertEquals(RuleDiff.MAX_LISTED, change.lines().size());
        assertEquals(edited - RuleDiff.MAX_LISTED, change.omitted());
        assertEquals(
                new LineChange(1, 1, lines.get(0).substring(0, lines.get(0).length() - 1), lines.get(0)),
                change.lines().get(0));
        assertEquals(Integer.valueOf(101), change.lines().get(1).beforeLine());
    }

    @Test
    void aWholesaleRewriteBeyondTheEditLimitIsReportedAsOneReplacedBlock() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            a.append("old ").append(i).append('\n');
            b.append("new ").append(i).append('\n');
        }

        List<LineChange> changes = LineDiff.between(a.toString(), b.toString());

        assertEquals(3000, changes.size());
        assertEquals(new LineChange(1, 1, "old 0", "new 0"), changes.get(0));
        assertEquals(new LineChange(3000, 3000, "old 2999", "new 2999"), changes.get(2999));
    }
}
