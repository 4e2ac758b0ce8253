package kr.qfeedback.reference.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.reference.ScheduleDisagreement;
import kr.qfeedback.reference.YearlyPassRate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the real snapshot in ../shared/data/qnet; the figures checked here are those of that snapshot. */
class QnetImporterTest {

    static final Path SNAPSHOT = Path.of("..", "shared", "data", "qnet");

    private static ReferenceCatalogue catalogue;
    private static ImportReport report;

    @BeforeAll
    static void importTheSnapshot(@TempDir Path out) {
        assumeTrue(Files.isDirectory(SNAPSHOT), "the Q-Net snapshot " + SNAPSHOT.toAbsolutePath() + " is absent");
        report = QnetImporter.run(SNAPSHOT, out);
        catalogue = ReferenceCatalogue.load(out);
    }

    private static Qualification qualification(String code) {
        return catalogue.find(code).orElseThrow(() -> new AssertionError("no qualification " + code));
    }

    @Test
    void importsEveryQualificationOfTheSnapshot() {
        assertEquals(613, report.qualifications());
        assertEquals(613, catalogue.size());
        assertEquals("2026-08-21", catalogue.snapshotUpdated());
        assertEquals(422, report.acquisitionTexts());
        assertEquals(486, report.rounds()); // 507 in the snapshot, less 21 rounds not open to the public
    }

    @Test
    void firstRoundOfInformationProcessingEngineerHasTheApiDatesAndTheDocumentWindow() {
        ExamRound first = qualification("1320").rounds().get(0);

        assertEquals("제1회", first.label());
        assertEquals(LocalDate.of(2026, 3, 11), first.writtenPassDate());
        assertEquals(LocalDate.of(2026, 3, 23), first.practicalRegistrationStart());
        assertEquals(LocalDate.of(2026, 3, 26), first.practicalRegistrationEnd());
        assertEquals(LocalDate.of(2026, 1, 30), first.documentSubmissionStart());
        assertEquals(LocalDate.of(2026, 3, 20), first.documentSubmissionEnd());
        // blank in stats/1320.json, filled from the 기사/산업기사 제1회 round of schedules.json
        assertEquals(LocalDate.of(2026, 1, 30), first.writtenExamDate());
        assertEquals(LocalDate.of(2026, 6, 5), first.practicalPassDate());
    }

    @Test
    void keepsAQualificationsOwnDateOverTheSeriesScheduleAndGivesNoWindowWithoutARawRow() {
        List<ExamRound> rounds = qualification("1320").rounds();
        ExamRound third = rounds.get(2);

        assertEquals(
                List.of("제1회", "제2회", "제3회"),
                rounds.stream().map(ExamRound::label).toList());
        assertEquals(LocalDate.of(2026, 9, 28), third.practicalRegistrationEnd()); // series says 2026-09-23
        assertNull(third.documentSubmissionStart());
        assertNull(third.documentSubmissionEnd());
    }

    @Test
    void importsSubjectsCriteriaAndStatisticsOfInformationProcessingEngineer() {
        Qualification q = qualification("1320");

        assertEquals("정보처리기사", q.name());
        assertEquals(Grade.ENGINEER, q.grade());
        assertEquals(5, q.writtenSubjects().size());
        assertEquals(new PassCriterion(40, 60), q.writtenCriterion());
        assertEquals(
                List.of(2021, 2022, 2023, 2024, 2025),
                q.writtenStatistics().stream().map(YearlyPassRate::year).toList());
        assertEquals(
                new YearlyPassRate(2025, 66308, 43132, 65.0),
                q.writtenStatistics().get(4));
        assertEquals(
                new YearlyPassRate(2025, 73858, 16326, 22.1),
                q.secondStageStatistics().get(4));
        assertNull(q.writtenFee()); // the snapshot has no fee for 1320
    }

    @Test
    void derivesGradesFiledUnderTheEngineerSeries() {
        assertEquals(Grade.INDUSTRIAL_ENGINEER, qualification("2290").grade()); // 정보처리산업기사
        assertEquals(Grade.SERVICE, qualification("9511").grade()); // 직업상담사2급
        assertEquals(Grade.PROFESSIONAL_ENGINEER, qualification("0752").grade()); // 가스기술사
        assertNull(qualification("9501").grade()); // 일반경비지도사, qual_type S
    }

    @Test
    void importsFeesAndFollowsTheRawTextWhereTheMirrorFiledAFeeUnderTheWrongStage() {
        Qualification gas = qualification("0752");
        assertEquals(67800, gas.writtenFee());
        assertEquals(87100, gas.secondStageFee());
        assertEquals(new PassCriterion(null, 60), gas.writtenCriterion());
        assertEquals(new PassCriterion(null, 60), gas.secondStageCriterion());

        Qualification stoneMason = qualification("6990"); // fee.raw ", 2차 : 50200", fee.written "50200"
        assertNull(stoneMason.writtenFee());
        assertEquals(50200, stoneMason.secondStageFee());
        assertNull(stoneMason.writtenCriterion());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("stats/6990.json: fee.")));
    }

    @Test
    void givesDocumentWindowsOnlyToTheRoundsTheRawRowsDescribe() {
        // getEList holds 기사/산업기사 제1회 (written pass 2026-03-11) and 제2회 (2026-06-10): one window per such round.
        long expected = catalogue.all().stream()
                .filter(q -> GradeClassifier.scheduleSeries(q.grade()) != null
                        && GradeClassifier.scheduleSeries(q.grade()).equals("기사/산업기사"))
                .flatMap(q -> q.rounds().stream())
                .filter(r -> LocalDate.of(2026, 3, 11).equals(r.writtenPassDate())
                        || LocalDate.of(2026, 6, 10).equals(r.writtenPassDate()))
                .count();
        assertEquals(expected, report.documentWindows());
        assertEquals(136, report.documentWindows());
    }

    @Test
    void leavesRoundsNotOpenToThePublicOutOfTheRoundsAndListsThemInTheReport() {
        String label = "2026년 정기 기능사 산업별 맞춤형 고교등 필기면제검정";
        assertTrue(catalogue.all().stream()
                .flatMap(q -> q.rounds().stream())
                .noneMatch(r -> NonPublicRounds.isNonPublic(r.label())));
        assertEquals(
                List.of("제3회"),
                qualification("6120").rounds().stream().map(ExamRound::label).toList());

        ImportFindings.LeftOutRound leftOut = report.findings().leftOutRounds().get(0);
        assertEquals(1, report.findings().leftOutRounds().size());
        assertEquals(label, leftOut.label());
        assertEquals(21, leftOut.qualifications().size());
        assertTrue(leftOut.qualifications().stream().allMatch(q -> q.grade() == Grade.CRAFTSMAN));
        assertEquals(21, report.findings().leftOutRoundCount());
    }

    @Test
    void recordsTheSeriesDateWhereTheOwnScheduleDisagreesAndKeepsTheOwnDateInTheRound() {
        Qualification q = qualification("1320");

        assertEquals(
                List.of(new ScheduleDisagreement(
                        "제3회", "practicalRegistrationEnd", LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 23))),
                q.scheduleDisagreements());
        assertEquals(LocalDate.of(2026, 9, 28), q.rounds().get(2).practicalRegistrationEnd());
        assertEquals(List.of(), qualification("6120").scheduleDisagreements()); // agrees with the 기능사 schedule
    }

    @Test
    void groupsTheScheduleDisagreementsOfTheSnapshotForTheReport() {
        List<ImportFindings.DisagreementGroup> groups = report.findings().scheduleDisagreements();

        ImportFindings.DisagreementGroup third = groups.stream()
                .filter(g -> g.series().equals("기사/산업기사") && g.roundLabel().equals("제3회"))
                .findFirst()
                .orElseThrow();
        assertEquals("practicalRegistrationEnd", third.field());
        assertEquals(LocalDate.of(2026, 9, 28), third.ownValue());
        assertEquals(LocalDate.of(2026, 9, 23), third.seriesValue());
        assertEquals(88, third.codes().size());
        assertTrue(third.codes().contains("1320"));
        // the other disagreements: interview registration of the three 기술사 rounds (30 + 21 + 21)
        assertEquals(
                List.of("제138회", "제139회", "제140회"),
                groups.stream()
                        .filter(g -> g.series().equals("기술사"))
                        .map(ImportFindings.DisagreementGroup::roundLabel)
                        .toList());
        assertEquals(160, groups.stream().mapToInt(g -> g.codes().size()).sum());
        assertEquals(
                160,
                catalogue.all().stream()
                        .mapToInt(q -> q.scheduleDisagreements().size())
                        .sum());
    }

    @Test
    void findsThatEveryProfessionalEngineerRoundOpensInterviewRegistrationBeforeTheWrittenResults() {
        ImportFindings.RegistrationBeforeResults professional = report.findings().registrationBeforeResults().stream()
                .filter(r -> r.grade() == Grade.PROFESSIONAL_ENGINEER)
                .findFirst()
                .orElseThrow();

        assertEquals(new ImportFindings.RegistrationBeforeResults(Grade.PROFESSIONAL_ENGINEER, 72, 72), professional);
        assertTrue(report.findings().registrationBeforeResults().stream()
                .filter(r -> r.grade() != Grade.PROFESSIONAL_ENGINEER)
                .allMatch(r -> r.roundsEarly() == 0));
    }

    @Test
    void aStageNobodySatHasNoPassRate() {
        YearlyPassRate stoneMason2021 =
                qualification("6990").writtenStatistics().get(0);

        assertEquals(new YearlyPassRate(2021, 0, 0, null), stoneMason2021);
        assertTrue(catalogue.all().stream()
                .flatMap(q -> java.util.stream.Stream.concat(
                        q.writtenStatistics().stream(), q.secondStageStatistics().stream()))
                .allMatch(r -> (r.applicants() == 0) == (r.passRate() == null)));
        assertEquals(178, report.findings().zeroApplicantRows());
    }

    @Test
    void listsTheQualificationsWhoseStatedCriterionDepartsFromTheirGradesRule() {
        List<ImportFindings.CriterionDeparture> departures = report.findings().criterionDepartures();

        assertEquals(
                List.of("1740", "2085", "2085", "2142", "2880", "7481", "9540"),
                departures.stream().map(d -> d.qualification().code()).toList());
        assertEquals(6, report.findings().departingQualifications());
        ImportFindings.CriterionDeparture noCutOff = departures.get(3);
        assertTrue(noCutOff.writtenStage());
        assertEquals(new PassCriterion(null, 60), noCutOff.stated());
        assertEquals(new PassCriterion(40, 60), noCutOff.statutory());
        assertTrue(noCutOff.statedText().contains("100점을 만점으로 하여 60점 이상"), noCutOff.statedText());
        ImportFindings.CriterionDeparture practical = departures.get(0);
        assertEquals(false, practical.writtenStage());
        assertEquals(new PassCriterion(60, 60), practical.stated());
    }

    @Test
    void listsGradedQualificationsWithoutAnyCriterionText() {
        List<ImportFindings.QualificationRef> missing = report.findings().missingCriteria();

        assertEquals(101, missing.size());
        assertTrue(missing.stream().allMatch(q -> q.grade() != null));
        assertTrue(missing.stream()
                .map(q -> qualification(q.code()))
                .allMatch(q -> q.writtenCriterion() == null && q.secondStageCriterion() == null));
        assertTrue(missing.stream().anyMatch(q -> q.code().equals("0270"))); // 산업계측제어기술사
    }

    @Test
    void importsTheEligibilityTextWhereTheSnapshotHasOne() {
        assertEquals(
                "기사취득후 실무경력 4년, 대학졸업후 실무경력 6년, 관련분야 실무경력 9년 등",
                qualification("0891").eligibilityText()); // from the "③ 응시자격" part of its 취득방법 text
        assertEquals("제한 없음", qualification("7301").eligibilityText());
        String guard = qualification("9501").eligibilityText(); // its own 응시자격 entry, 1,300 characters long
        assertTrue(guard.startsWith("o 제한 없음o 결격사유(경비업법 제10조)"), guard);
        assertTrue(guard.endsWith(" …") && guard.length() <= EligibilityText.LIMIT + 2, guard);
        assertTrue(!guard.contains("&lt;") && !guard.contains("FONT-SIZE"), guard);
        assertNull(qualification("1320").eligibilityText());
        assertEquals(48, report.findings().eligibilityTexts());
    }

    @Test
    void writesTheKoreanReportForPolicyStaffNextToTheJson(@TempDir Path out) throws IOException {
        QnetImporter.run(SNAPSHOT, out);
        String text = Files.readString(out.resolve("가져오기_보고서.md"));

        assertTrue(text.startsWith("# 기준 자료 가져오기 보고서\n"), text.substring(0, 40));
        assertTrue(text.contains("손으로 고치지 마세요"));
        assertTrue(
                text.contains("| 2085 | 패션머천다이징산업기사 | 산업기사 | 필기 | “- 필기 : 100점을 만점으로 하여 과목당 60점 이상"),
                "the departure of 2085 is quoted");
        assertTrue(text.contains("parameters.yaml 의 `종목별 합격기준 예외`에 근거와 함께 적으세요"));
        assertTrue(text.contains("| 기사/산업기사 | 제3회 | 실기·면접 원서접수 마감일 (`practicalRegistrationEnd`) "
                + "| 2026-09-28 | 2026-09-23 | 88 | 1027, "));
        assertTrue(text.contains("| 기술사 | 72 | 72 |"));
        assertTrue(text.contains("| 2026년 정기 기능사 산업별 맞춤형 고교등 필기면제검정 | 21 | 6120 정밀측정기능사, "));
        assertTrue(text.contains("| 5. 응시자가 없어 합격률을 비운 통계 | 178개 행 |"));
        assertTrue(text.contains("| 6990 | 석공기능사 | 필기 | 2021, 2022, 2023, 2024, 2025 |"));
        assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"));
    }

    @Test
    void runningTheImportTwiceGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        QnetImporter.run(SNAPSHOT, first);
        QnetImporter.run(SNAPSHOT, second);

        byte[] a = Files.readAllBytes(first.resolve("qualifications.json"));
        byte[] b = Files.readAllBytes(second.resolve("qualifications.json"));
        assertArrayEquals(a, b);
        assertArrayEquals(
                Files.readAllBytes(first.resolve("가져오기_보고서.md")), Files.readAllBytes(second.resolve("가져오기_보고서.md")));
        assertTrue(new String(a, StandardCharsets.UTF_8).startsWith("{\n  \"source\": "));
    }
}
