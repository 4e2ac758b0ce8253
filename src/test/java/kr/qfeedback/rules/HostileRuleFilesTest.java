package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kr.qfeedback.rules.model.Profile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

/**
 * Rule files are data: a corpus of hostile files (src/test/resources/hostile) that must each be
 * refused before anything compiles, with a Korean problem at the file and line or cell, and with
 * no side effect (no probe file, the JVM still alive). The hostile DRL is appended to a copy of
 * the shipped judgements.drl, the way an author would upload it.
 */
class HostileRuleFilesTest {
    static final Path HOSTILE_DRL = Path.of("src/test/resources/hostile/drl");
    static final List<Path> PROBES = List.of(Path.of("target/hostile-probe.txt"), Path.of("target/hostile-probe-exec"));

    @TempDir
    Path dir;

    static Stream<String> hostileDrlFiles() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE_DRL)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".drl"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static String hostile(String name) {
        try {
            return Files.readString(HOSTILE_DRL.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertNoProbe() {
        for (Path probe : PROBES) {
            assertFalse(Files.exists(probe), "a hostile rule ran: " + probe + " was written");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDrlFiles")
    void eachHostileDrlIsRefusedAtItsLineInKoreanBeforeItCompiles(String name) {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        String text = hostile(name);
        int start = rules.append("judgements.drl", text);
        int end = start + (int) text.lines().count() - 1;

        List<RuleProblem> problems = rules.problems();

        assertNoProbe();
        assertTrue(
                problems.stream().allMatch(p -> p.file().equals("rules/judgements.drl")),
                () -> RuleFolder.describe(problems));
        for (RuleProblem p : problems) {
            assertKoreanSaying(p);
            assertTrue(
                    p.line() != null && p.line() >= start && p.line() <= end,
                    () -> "the refusal should point into the appended lines " + start + "–" + end + ": "
                            + p.describe());
        }
    }

    @Test
    void aFileWriteInAConsequenceIsRefusedNamingTheCodeAndWhatIsAllowed() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int start = rules.append("judgements.drl", hostile("file-write.drl"));

        RuleProblem p = rules.onlyProblem();

        RuleFolder.assertAtLine(p, "rules/judgements.drl", start + 4);
        assertKoreanSaying(p, "규칙의 결과(then)에 허용되지 않는 코드가 있습니다", "java.nio.file.Files.writeString(", "insert(new …(…))");
    }

    @Test
    void anEndlessRuleLoopIsRefusedBeforeItCanRun() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int start = rules.append("judgements.drl", hostile("endless-loop.drl"));

        RuleProblem p = rules.onlyProblem();

        RuleFolder.assertAtLine(p, "rules/judgements.drl", start);
        assertKoreanSaying(p, "끝없이 반복", "SurveyCampaign");
    }

    @Test
    void theShippedRulesPassTheAllowListAndTheTemplate() {
        RuleSet rules = RuleFolder.copyOfShippedRules(dir).compile();

        assertTrue(rules.ruleCount() > 60, "every shipped rule compiled: " + rules.ruleCount());
    }

    // ---- the decision table ----

    @Test
    void aChangedCodeSnippetCellIsRefusedAtItsCell() {
        RuleFolder rules =
                RuleFolder.copyOfShippedRules(dir).cell("H8", "lowestSubjectScore < $param || System.exit(0) == null");

        RuleProblem p = rules.onlyProblem();

        RuleFolder.assertAtCell(p, 8, "H");
        assertKoreanSaying(p, "1~8행", "System.exit", "lowestSubjectScore < $param");
    }

    @Test
    void anImportCellAddingJavaLangRuntimeIsRefusedAtItsCell() {
        String imports = TableTemplate.cells().get("C2");
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir).cell("C2", imports + ", java.lang.Runtime");

        RuleProblem p = rules.onlyProblem();

        RuleFolder.assertAtCell(p, 2, "C");
        assertKoreanSaying(p, "1~8행", "java.lang.Runtime");
    }

    @Test
    void aFunctionsSettingInTheCodeRowsIsRefusedAtBothCells() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir)
                .cell("B4", "Functions")
                .cell("C4", "function void hostile() { System.exit(6); }");

        List<RuleProblem> problems = rules.problems();

        assertEquals(2, problems.size(), () -> RuleFolder.describe(problems));
        RuleFolder.assertAtCell(problems.get(0), 4, "B");
        RuleFolder.assertAtCell(problems.get(1), 4, "C");
        assertKoreanSaying(problems.get(1), "1~8행", "function void hostile()");
    }

    @Test
    void aSettingBelowTheTableIsRefusedAtItsCell() {
        RuleFolder rules =
                RuleFolder.copyOfShippedRules(dir).cell("B90", "Variables").cell("C90", "java.lang.Runtime rt");

        RuleProblem p = rules.onlyProblem();

        RuleFolder.assertAtCell(p, 90, "B");
        assertKoreanSaying(p, "결정표 설정 'Variables'", "비워 주세요");
    }

    @Test
    void aSecondRuleTableBelowTheTableIsRefused() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir).cell("B90", "RuleTable 두번째");

        RuleProblem p = rules.onlyProblem();

        RuleFolder.assertAtCell(p, 90, "B");
        assertKoreanSaying(p, "RuleTable");
    }

    @Test
    void aUnicodeEscapeInAValueCellIsRefusedAtItsCell() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir).cell("X10", "WRITTEN_PASS\\u0022); System.exit(7); //");

        List<RuleProblem> problems = rules.problems();

        assertNoProbe();
        assertTrue(
                problems.stream()
                        .anyMatch(p -> Integer.valueOf(10).equals(p.row())
                                && "X".equals(p.column())
                                && p.message().contains("역슬래시")),
                () -> RuleFolder.describe(problems));
    }

    @Test
    void aDescriptionClosingItsCommentIsRefusedAtItsCell() {
        RuleFolder rules =
                RuleFolder.copyOfShippedRules(dir).cell("B10", "설명 */ rule \"x\" when then System.exit(8); end /*");

        RuleProblem p = rules.onlyProblem();

        RuleFolder.assertAtCell(p, 10, "B");
        assertKoreanSaying(p, "*/");
    }

    @Test
    void aHugeGeneratedTableIsRefusedWithAClearMessageNotAnOutOfMemory() throws IOException {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(rules.file(RuleFolder.TABLE))) {
            Sheet sheet = workbook.createSheet(RuleFolder.SHEET);
            for (int r = 0; r < 200_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(1).setCellValue("행 " + r);
                row.createCell(2).setCellValue("WRITTEN");
            }
            workbook.write(out);
        }

        RuleProblem p = rules.onlyProblem();

        assertEquals("rules/sections.drl.xlsx", p.file(), p::describe);
        assertKoreanSaying(p, "행이 너무 많습니다", "5000행");
    }

    @Test
    void anXmlEntityBombInsideTheWorkbookIsRefusedWithAClearMessage() throws IOException {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol4;</t></si></sst>";
        rewriteTable(rules, Map.of("xl/sharedStrings.xml", bomb.getBytes(StandardCharsets.UTF_8)));

        RuleProblem p = rules.onlyProblem();

        assertEquals("rules/sections.drl.xlsx", p.file(), p::describe);
        assertKoreanSaying(p, "DOCTYPE", "다시 저장");
    }

    @Test
    void aZipBombInsideTheWorkbookIsRefusedWithAClearMessage() throws IOException {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rewriteTable(rules, Map.of("xl/media/bomb.bin", new byte[100 * 1024 * 1024]));

        RuleProblem p = rules.onlyProblem();

        assertEquals("rules/sections.drl.xlsx", p.file(), p::describe);
        assertKoreanSaying(p, "너무 큽니다", "압축 폭탄");
    }

    /** Copies the table's zip with {@code replaced} parts replaced or added. */
    private static void rewriteTable(RuleFolder rules, Map<String, byte[]> replaced) throws IOException {
        Path table = rules.file(RuleFolder.TABLE);
        byte[] original = Files.readAllBytes(table);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(replaced.containsKey(e.getName()) ? replaced.get(e.getName()) : in.readAllBytes());
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> added : replaced.entrySet()) {
                if (!new String(original, StandardCharsets.ISO_8859_1).contains(added.getKey())) {
                    out.putNextEntry(new ZipEntry(added.getKey()));
                    out.write(added.getValue());
                    out.closeEntry();
                }
            }
        }
        Files.write(table, bytes.toByteArray());
    }

    // ---- YAML ----

    private static final String ALIAS_BOMB = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    void aYamlAliasBombIsRefusedWithAClearMessage(String file) {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.append(file, ALIAS_BOMB);

        List<RuleProblem> problems = rules.problems();

        assertTrue(
                problems.stream()
                        .anyMatch(p ->
                                p.file().equals("rules/" + file) && p.message().contains("YAML 앵커")),
                () -> RuleFolder.describe(problems));
        problems.forEach(p -> assertKoreanSaying(p));
    }

    static Stream<String> yamlFiles() {
        return Stream.of("messages.yaml", "parameters.yaml");
    }

    // ---- budgets ----

    @Test
    void aCompilationOverItsTimeBudgetIsReportedInKoreanNotAwaited() {
        RuleFiles files = RuleFiles.read(RuleFolder.copyOfShippedRules(dir).dir());

        RuleSetException e =
                assertThrows(RuleSetException.class, () -> new RuleSetCompiler(Duration.ofMillis(1)).compile(files));

        assertEquals(1, e.problems().size(), e::getMessage);
        assertKoreanSaying(e.problems().get(0), "초가 넘게 걸려 중단했습니다", "지금 쓰는 규칙 버전은 그대로입니다");
    }

    /** The allow-list refuses loops; the firing limit stops one that got past it (a rule base built directly). */
    @Test
    void rulesThatNeverComeToRestStopAtTheFiringLimitWithAStableMessage() {
        RuleSet shipped = RuleFolder.copyOfShippedRules(dir).compile();
        String loop = """
                package kr.qfeedback.rules.loop;
                import kr.qfeedback.rules.model.*;
                rule "loop"
                when
                    SurveyCampaign()
                then
                    insert( new SurveyCampaign() );
                end
                rule "start"
                when
                    Profile()
                then
                    insert( new SurveyCampaign() );
                end
                """;
        KieBase kieBase = new KieHelper().addContent(loop, ResourceType.DRL).build();
        RuleSet looping = new RuleSet(
                "loop",
                kieBase,
                shipped.parameters(),
                shipped.messages(),
                shipped.reference(),
                Map.of(),
                ProfileCanonicalizer.from(List.of(loop), shipped.parameters().toFact()));
        Profile profile = new Profile(
                "WRITTEN_PASS",
                "WRITTEN",
                "PASS",
                "ENGINEER",
                true,
                true,
                true,
                70.0,
                60.0,
                false,
                true,
                true,
                true,
                true,
                true,
                true,
                100,
                "LEFT",
                30,
                "SUBMITTED",
                false);

        RuleFiringLimitException e =
                assertThrows(RuleFiringLimitException.class, () -> looping.evaluateUncached(profile));

        assertEquals(
                "Rules version loop fired more than 1000 rules for one profile and was stopped: the rules do not come to rest.",
                e.getMessage());
        assertThrows(RuleFiringLimitException.class, () -> looping.evaluateAll(profile));
        assertKoreanSaying(e.problem(), "1000번 넘게");
    }
}
