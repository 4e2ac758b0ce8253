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
        assertEquals(507, report.rounds());
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

        assertEquals(List.of("제1회", "제2회", "제3회"), rounds.stream().map(ExamRound::label).toList());
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
        assertEquals(List.of(2021, 2022, 2023, 2024, 2025),
                q.writtenStatistics().stream().map(YearlyPassRate::year).toList());
        assertEquals(new YearlyPassRate(2025, 66308, 43132, 65.0), q.writtenStatistics().get(4));
        assertEquals(new YearlyPassRate(2025, 73858, 16326, 22.1), q.secondStageStatistics().get(4));
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
    void runningTheImportTwiceGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        QnetImporter.run(SNAPSHOT, first);
        QnetImporter.run(SNAPSHOT, second);

        byte[] a = Files.readAllBytes(first.resolve("qualifications.json"));
        byte[] b = Files.readAllBytes(second.resolve("qualifications.json"));
        assertArrayEquals(a, b);
        assertTrue(new String(a, StandardCharsets.UTF_8).startsWith("{\n  \"source\": "));
    }
}
