package kr.qfeedback.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.SectionChoice;
import kr.qfeedback.rules.model.Profile;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageAnalyzerTest {
    private final CoverageAnalyzer analyzer = new CoverageAnalyzer();

    private static CoverageReport analyse(String what, RuleSet rules) {
        CoverageReport report = new CoverageAnalyzer().analyze(rules);
        System.out.println("== coverage of " + what + ": " + report.millis() + " ms for " + report.profilesChecked()
                + " profiles (" + report.casesEvaluated() + " evaluations)");
        report.describe().forEach(line -> System.out.println("   " + line));
        return report;
    }

    private static List<String> labels(List<DeadRow> rows) {
        return rows.stream().map(d -> d.row().label()).toList();
    }

    @Test
    void theShippedRulesHaveNoGapsAndNoConflicts() {
        CoverageReport report = analyse("shipped rules", ShippedRules.compiled());

        assertEquals(List.of(), report.gaps());
        assertEquals(List.of(), report.conflicts());
        assertEquals(List.of(), report.overlaps());
        assertFalse(report.blocksPublish());
        assertTrue(
                report.profilesChecked() > 100_000,
                "the whole discretised space is covered: " + report.profilesChecked());
    }

    @Test
    void theShippedRulesHaveNoDeadRowAndTheSurveyRowIsReportedAsKeptOffByItsSwitch() {
        RuleSet rules = ShippedRules.compiled();
        assertFalse(rules.parameters().surveyEnabled(), "parameters.yaml: 만족도 조사 진행: 아니오");

        CoverageReport report = analyse("shipped rules", rules);

        assertEquals(List.of(), report.deadRows(), report.describe().toString());
        assertEquals(1, report.switchedOffRows().size(), report.describe().toString());
        SwitchedOffRow survey = report.switchedOffRows().get(0);
        assertEquals(
                new RowRef("섹션표시 75행", "모든 결과: 만족도 조사 기간이면 설문 링크", "rules/sections.drl.xlsx:row 75"), survey.row());
        assertEquals("surveyEnabled", survey.parameter());
        assertTrue(
                report.describe().stream()
                        .anyMatch(l -> l.startsWith("[안내] 섹션표시 75행('모든 결과: 만족도 조사 기간이면 설문 링크')은 ")
                                && l.contains("'만족도 조사 진행' 스위치가 꺼져 있어 쓰이지 않습니다(스위치가 꺼져 있어 쓰이지 않음)")),
                report.describe().toString());
        assertTrue(
                report.describe().get(0).contains("적용되지 않는 행 0개"),
                report.describe().get(0));
    }

    @Test
    void
            everyProfileGetsTheSameSectionsAsTheFirstProfileOfItsGroupWhenEachOutcomeIsGroupedByTheRulesThatCanFireForIt() {
        RuleSet rules = ShippedRules.compiled();
        RuleReads reads = RuleReads.of(rules);
        ProfileSpace space = new ProfileSpace(rules.parameters(), rules.reference(), reads);
        Map<String, ProfileClasses> byOutcome = new HashMap<>();
        Map<List<Object>, Profile> firsts = new HashMap<>();
        List<Profile> all = new ArrayList<>();
        space.forEach(all::add);
        for (Profile p : all) {
            ProfileClasses classes = byOutcome.computeIfAbsent(
                    p.outcome(),
                    o -> new ProfileClasses(
                            reads.forOutcome(space.probe(
                                    kr.qfeedback.feedback.Stage.valueOf(p.stage()),
                                    kr.qfeedback.feedback.ExamResult.valueOf(p.result()))),
                            space.candidates(),
                            space.template()));
            firsts.putIfAbsent(List.of(p.outcome(), classes.key(p)), p);
        }
        int checked = 0;
        for (int i = 0; i < all.size(); i += 53) {
            Profile p = all.get(i);
            Profile first =
                    firsts.get(List.of(p.outcome(), byOutcome.get(p.outcome()).key(p)));
            assertEquals(rules.evaluateAll(first), rules.evaluateAll(p), "profile " + p + " vs its group's " + first);
            checked++;
        }
        System.out.println("== grouping by outcome: " + all.size() + " profiles, " + firsts.size() + " groups, "
                + checked + " sampled profiles agree with their group");
        assertTrue(firsts.size() < 10_000, "grouping by outcome should shrink the work: " + firsts.size());
    }

    @Test
    void everyProfileGetsTheSameSectionsAsTheFirstProfileOfItsGroup() {
        RuleSet rules = ShippedRules.compiled();
        RuleReads reads = RuleReads.of(rules);
        assertFalse(reads.opaque(), reads.opaqueReasons().toString());
        ProfileSpace space = new ProfileSpace(rules.parameters(), rules.reference(), reads);
        List<Profile> all = new ArrayList<>();
        space.forEach(all::add);
        ProfileClasses classes = new ProfileClasses(reads, space.candidates(), space.template());
        Map<ProfileClasses.Key, Profile> firsts = new HashMap<>();
        for (Profile p : all) {
            firsts.putIfAbsent(classes.key(p), p);
        }
        int checked = 0;
        for (int i = 0; i < all.size(); i += 97) {
            Profile p = all.get(i);
            Profile first = firsts.get(classes.key(p));
            assertEquals(rules.evaluateAll(first), rules.evaluateAll(p), "profile " + p + " vs its group's " + first);
            checked++;
        }
        System.out.println("== grouping: " + all.size() + " profiles, " + firsts.size() + " groups, " + checked
                + " sampled profiles agree with their group; classes per field " + classes.classCounts());
        assertTrue(firsts.size() < all.size() / 10, "grouping should shrink the work: " + firsts.size());
    }

    @Test
    void deletingTheOnlyResultSummaryRowOfAnOutcomeIsAGapWithAnExample(@TempDir Path dir) throws Exception {
        Path folder = ShippedRules.copyInto(dir);
        // Row 30 '필기 불합격: 불합격 결과' is the WRITTEN FAIL summary when there is no cut-off (I30 = X).
        ShippedRules.editTable(folder, sheet -> ShippedRules.deleteRow(sheet, 30));
        RuleSet rules = ShippedRules.compile(folder);

        CoverageReport report = analyse("rules without row 30", rules);

        assertTrue(report.blocksPublish());
        assertEquals(1, report.gaps().size(), report.describe().toString());
        Gap gap = report.gaps().get(0);
        assertEquals(Gap.Kind.NO_RESULT_SUMMARY, gap.kind());
        assertEquals("WRITTEN_FAIL", gap.outcome());
        assertEquals(SectionId.RESULT_SUMMARY, gap.section());
        assertFalse(gap.example().belowSubjectMinimum(), "row 29 still covers the cut-off case");
        assertTrue(
                rules.evaluate(gap.example()).sections().stream().noneMatch(s -> s.id() == SectionId.RESULT_SUMMARY),
                "the example really gets no summary");
        assertTrue(gap.profiles() > 0);
        assertTrue(
                report.describe().stream()
                        .anyMatch(l -> l.startsWith("[빈틈] 필기 불합격(WRITTEN_FAIL) 결과 중 ")
                                && l.contains("결과 요약(RESULT_SUMMARY)을 보여 주는 행이 없습니다(예: 필기 불합격, ")),
                report.describe().toString());
        assertEquals(List.of(), report.conflicts());
    }

    @Test
    void aCopyOfARowWithAnotherToneConflictsWithTheOriginalAndNamesBothRows(@TempDir Path dir) throws Exception {
        Path folder = ShippedRules.copyInto(dir);
        int[] added = new int[1];
        ShippedRules.editTable(folder, sheet -> added[0] = ShippedRules.appendCopy(sheet, 29, Map.of("W", "WARNING")));
        assertEquals(76, added[0]);
        RuleSet rules = ShippedRules.compile(folder);

        CoverageReport report = analyse("rules with row 29 copied to row 76 with tone WARNING", rules);

        assertTrue(report.blocksPublish());
        assertEquals(List.of(), report.gaps());
        assertEquals(1, report.conflicts().size(), report.describe().toString());
        Conflict conflict = report.conflicts().get(0);
        assertEquals(SectionId.RESULT_SUMMARY, conflict.section());
        assertEquals("섹션표시 29행", conflict.upper().label());
        assertEquals("rules/sections.drl.xlsx:row 29", conflict.upper().source());
        assertEquals("섹션표시 76행", conflict.lower().label());
        assertEquals(List.of("tone"), conflict.differences());
        assertTrue(conflict.example().belowSubjectMinimum());
        List<SectionChoice> both = rules.evaluateAll(conflict.example()).stream()
                .filter(c -> c.id() == SectionId.RESULT_SUMMARY)
                .toList();
        assertEquals(
                List.of(Tone.FAILURE, Tone.WARNING),
                both.stream().map(SectionChoice::tone).toList());
        assertTrue(
                report.describe().stream()
                        .anyMatch(l -> l.startsWith("[충돌] 섹션표시 29행과 76행이 같은 경우(예: 필기 불합격, ")
                                && l.contains(")에 결과 요약(RESULT_SUMMARY)을 서로 다른 톤으로 보여 줍니다(")),
                report.describe().toString());
    }

    @Test
    void anIdenticalCopyOfARowIsAnOverlapNotAConflict(@TempDir Path dir) throws Exception {
        Path folder = ShippedRules.copyInto(dir);
        ShippedRules.editTable(folder, sheet -> ShippedRules.appendCopy(sheet, 67, Map.of()));
        CoverageReport report = analyse("rules with row 67 copied to row 76", ShippedRules.compile(folder));

        assertFalse(report.blocksPublish());
        assertEquals(List.of(), report.conflicts());
        assertEquals(1, report.overlaps().size());
        Overlap overlap = report.overlaps().get(0);
        assertEquals(
                List.of("섹션표시 67행", "섹션표시 76행"),
                List.of(overlap.upper().label(), overlap.lower().label()));
        assertEquals("ABSENT", overlap.example().result());
    }

    @Test
    void aRowWhoseConditionsNoProfileMeetsIsADeadRowAndOnlyWarns(@TempDir Path dir) throws Exception {
        Path folder = ShippedRules.copyInto(dir);
        // Only 기술사 (PROFESSIONAL_ENGINEER) take an interview: 면접 + 기능사 never happens.
        ShippedRules.editTable(
                folder,
                sheet -> ShippedRules.appendCopy(
                        sheet, 46, Map.of("B", "면접 합격한 기능사: 일자리", "C", "INTERVIEW", "E", "CRAFTSMAN")));
        CoverageReport report = analyse("rules with an impossible row 76", ShippedRules.compile(folder));

        assertFalse(report.blocksPublish());
        assertEquals(
                List.of("섹션표시 76행"),
                labels(report.deadRows()),
                "the impossible row is dead; the survey row only switched off");
        assertEquals(List.of(), report.deadRows().get(0).needs());
        assertEquals(List.of(), report.conflicts());
        assertTrue(report.describe().stream().anyMatch(l -> l.startsWith("[주의] 섹션표시 76행('면접 합격한 기능사: 일자리')은 검사한 ")));
    }

    @Test
    void aSectionShownWithoutOrderOrMessageIsAGap(@TempDir Path dir) throws Exception {
        Path folder = ShippedRules.copyInto(dir);
        ShippedRules.write(folder, "extra.drl", """
                package kr.qfeedback.rules.extra;
                import kr.qfeedback.rules.model.Profile;
                import kr.qfeedback.rules.model.SectionShown;

                rule "실기 합격: 학습자료(순서·문구 없음)"
                when
                    Profile( stage == "PRACTICAL", result == "PASS" )
                then
                    insert( new SectionShown( "LEARNING_RESOURCES", drools.getRule().getName() ) );
                end
                """);
        RuleSet rules = ShippedRules.compile(folder);

        CoverageReport report = analyse("rules with a DRL rule that sets no order", rules);

        assertTrue(report.blocksPublish());
        assertEquals(
                List.of(Gap.Kind.NO_ORDER, Gap.Kind.NO_MESSAGE),
                report.gaps().stream().map(Gap::kind).toList());
        Gap noOrder = report.gaps().get(0);
        assertEquals("PRACTICAL_PASS", noOrder.outcome());
        assertEquals(SectionId.LEARNING_RESOURCES, noOrder.section());
        assertEquals("extra.drl 5번째 줄", noOrder.row().label());
        assertEquals(
                Integer.MAX_VALUE,
                rules.evaluate(noOrder.example()).sections().stream()
                        .filter(s -> s.id() == SectionId.LEARNING_RESOURCES)
                        .findFirst()
                        .orElseThrow()
                        .order(),
                "a missing order surfaces as the last place");
        assertTrue(
                report.describe().stream()
                        .anyMatch(l -> l.startsWith(
                                        "[빈틈] extra.drl 5번째 줄('실기 합격: 학습자료(순서·문구 없음)')이 실기 합격(PRACTICAL_PASS) 결과 중 ")
                                && l.contains("학습자료(LEARNING_RESOURCES)를 순서 없이 보여 줍니다(예: 실기 합격, ")),
                report.describe().toString());
    }

    @Test
    void theReportIsPlainJson() {
        CoverageReport report = analyzer.analyze(ShippedRules.compiled());
        JsonNode json = new ObjectMapper().valueToTree(report);

        for (String field : List.of(
                "gaps",
                "deadRows",
                "switchedOffRows",
                "conflicts",
                "overlaps",
                "profilesChecked",
                "millis",
                "casesEvaluated")) {
            assertNotNull(json.get(field), field + " in " + json);
        }
        assertEquals(
                "섹션표시 75행",
                json.get("switchedOffRows").get(0).get("row").get("label").asText());
        assertEquals(
                "만족도 조사 진행",
                json.get("switchedOffRows").get(0).get("parameterName").asText());
    }
}
