package kr.qfeedback.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.importer.QnetImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCatalogueTest {

    private static final Path COMMITTED = Path.of("rules", "reference");
    private static final Path SNAPSHOT = Path.of("..", "shared", "data", "qnet");

    @Test
    void committedReferenceFileLoadsAndEqualsAFreshImportOfTheSnapshot() throws IOException {
        ReferenceCatalogue committed = ReferenceCatalogue.load(COMMITTED);
        assertEquals(613, committed.size());

        assumeTrue(Files.isDirectory(SNAPSHOT), "the Q-Net snapshot " + SNAPSHOT.toAbsolutePath() + " is absent");
        QnetImporter.Imported fresh = QnetImporter.importFrom(SNAPSHOT);
        assertEquals(fresh.qualifications(), committed.all());
        assertEquals(fresh.snapshotUpdated(), committed.snapshotUpdated());
        assertEquals(
                QnetImporter.render(fresh),
                Files.readString(COMMITTED.resolve(ReferenceCatalogue.FILE_NAME)),
                "rules/reference/qualifications.json differs from a fresh import; re-run the importer");
        assertEquals(
                QnetImporter.renderReport(fresh),
                Files.readString(COMMITTED.resolve("가져오기_보고서.md")),
                "rules/reference/가져오기_보고서.md differs from a fresh import; re-run the importer");
    }

    @Test
    void findsAQualificationByCodeAndListsAllSortedByCode() {
        ReferenceCatalogue catalogue = ReferenceCatalogue.load(COMMITTED);

        Qualification q = catalogue.find("1320").orElseThrow();
        assertEquals("정보처리기사", q.name());
        assertEquals(Grade.ENGINEER, q.grade());
        assertEquals(Optional.empty(), catalogue.find("no-such-code"));
        assertEquals(Optional.empty(), catalogue.find(null));
        assertEquals(
                catalogue.all().stream()
                        .sorted(Comparator.comparing(Qualification::code))
                        .toList(),
                catalogue.all());
        assertEquals("2026-08-21", catalogue.snapshotUpdated());
    }

    @Test
    void loadsTheWholeCatalogueTwiceAlike() {
        // How long loading takes is a benchmark's business (a wall-clock assertion here only invites
        // flakes on a busy machine); loading twice must give the same catalogue.
        ReferenceCatalogue first = ReferenceCatalogue.load(COMMITTED);
        ReferenceCatalogue catalogue = ReferenceCatalogue.load(COMMITTED);

        assertEquals(613, catalogue.size());
        assertEquals(first.all(), catalogue.all());
    }

    @Test
    void catalogueIsImmutable() {
        ReferenceCatalogue catalogue = ReferenceCatalogue.load(COMMITTED);

        assertThrows(UnsupportedOperationException.class, () -> catalogue.all().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> catalogue.find("1320").orElseThrow().rounds().clear());
    }

    @Test
    void reportsAMissingFileByName(@TempDir Path dir) {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));

        assertTrue(
                e.getMessage().contains("qualifications.json") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void reportsInvalidJsonWithTheFileName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("qualifications.json"), "{\"snapshotUpdated\": ");

        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));

        assertTrue(e.getMessage().startsWith(dir.resolve("qualifications.json") + ": not valid JSON"), e.getMessage());
    }

    @Test
    void namesTheFileAndFieldOfAnUnknownGrade(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("qualifications.json"), """
                {"source": "test", "snapshotUpdated": "2026-08-21", "qualifications": [
                  {"code": "0001", "name": "시험기사", "grade": "GRANDMASTER", "series": "기사", "field": null,
                   "writtenSubjects": [], "secondStageSubjects": [], "writtenCriterion": null,
                   "secondStageCriterion": null, "writtenFee": null, "secondStageFee": null,
                   "writtenStatistics": [], "secondStageStatistics": [], "rounds": []}]}
                """);

        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));

        assertEquals(
                dir.resolve("qualifications.json") + ": qualifications[0].grade: unknown grade \"GRANDMASTER\"",
                e.getMessage());
    }

    @Test
    void namesTheFieldOfABadRoundDateAndOfADuplicateCode(@TempDir Path dir) throws IOException {
        String entry = """
                {"code": "0001", "name": "시험기사", "grade": null, "series": "기사", "field": null,
                 "writtenSubjects": [], "secondStageSubjects": [], "writtenCriterion": null,
                 "secondStageCriterion": {"subjectMinimum": null, "averageMinimum": 60},
                 "writtenFee": null, "secondStageFee": 22600, "writtenStatistics": [], "secondStageStatistics": [],
                 "rounds": [%s]}
                """;
        String round = """
                {"label": "제1회", "writtenRegistrationStart": null, "writtenRegistrationEnd": null,
                 "writtenExamDate": null, "writtenPassDate": "2026/03/11", "practicalRegistrationStart": null,
                 "practicalRegistrationEnd": null, "practicalExamStart": null, "practicalExamEnd": null,
                 "practicalPassDate": null, "documentSubmissionStart": null, "documentSubmissionEnd": null}
                """;
        Files.writeString(
                dir.resolve("qualifications.json"),
                "{\"snapshotUpdated\": \"2026-08-21\", " + "\"qualifications\": [" + entry.formatted(round) + "]}");
        ReferenceDataException badDate = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));
        assertTrue(
                badDate.getMessage()
                        .endsWith(
                                "qualifications[0].rounds[0].writtenPassDate: expected an ISO date (yyyy-MM-dd), got \"2026/03/11\""),
                badDate.getMessage());

        Files.writeString(
                dir.resolve("qualifications.json"),
                "{\"snapshotUpdated\": \"2026-08-21\", " + "\"qualifications\": [" + entry.formatted("") + ","
                        + entry.formatted("") + "]}");
        ReferenceDataException duplicate =
                assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));
        assertTrue(
                duplicate.getMessage().endsWith("qualifications[1].code: \"0001\" already used by qualifications[0]"),
                duplicate.getMessage());
    }

    private static final String ENTRY_WITHOUT_LATER_FIELDS = """
            {"code": "0001", "name": "시험기사", "grade": "ENGINEER", "series": "기사", "field": null,
             "writtenSubjects": [], "secondStageSubjects": [], "writtenCriterion": null,
             "secondStageCriterion": null, "writtenFee": null, "secondStageFee": null,
             "writtenStatistics": [%s], "secondStageStatistics": [], "rounds": []%s}
            """;

    private static void writeEntry(Path dir, String statistics, String laterFields) throws IOException {
        Files.writeString(
                dir.resolve("qualifications.json"),
                "{\"snapshotUpdated\": \"2026-08-21\", " + "\"qualifications\": ["
                        + ENTRY_WITHOUT_LATER_FIELDS.formatted(statistics, laterFields) + "]}");
    }

    @Test
    void readsScheduleDisagreementsAndTheEligibilityText(@TempDir Path dir) throws IOException {
        writeEntry(dir, "", """
                , "scheduleDisagreements": [{"roundLabel": "제3회", "field": "practicalRegistrationEnd",
                   "ownValue": "2026-09-28", "seriesValue": "2026-09-23"}],
                  "eligibilityText": "제한 없음"
                """);

        Qualification q = ReferenceCatalogue.load(dir).find("0001").orElseThrow();

        assertEquals(
                List.of(new ScheduleDisagreement(
                        "제3회", "practicalRegistrationEnd", LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 23))),
                q.scheduleDisagreements());
        assertEquals("제한 없음", q.eligibilityText());
    }

    @Test
    void loadsAnOlderFileWithoutDisagreementsOrEligibilityText(@TempDir Path dir) throws IOException {
        writeEntry(dir, "", "");

        Qualification q = ReferenceCatalogue.load(dir).find("0001").orElseThrow();

        assertEquals(List.of(), q.scheduleDisagreements());
        assertNull(q.eligibilityText());
    }

    @Test
    void namesADisagreementFieldThatIsNotADateOfARound(@TempDir Path dir) throws IOException {
        writeEntry(dir, "", """
                , "scheduleDisagreements": [{"roundLabel": "제3회", "field": "prac_reg_end",
                   "ownValue": "2026-09-28", "seriesValue": "2026-09-23"}]
                """);

        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));

        assertTrue(
                e.getMessage().contains("qualifications[0].scheduleDisagreements[0].field: \"prac_reg_end\""),
                e.getMessage());
    }

    @Test
    void readsANullPassRateForAStageNobodySatAndRejectsAFigureThere(@TempDir Path dir) throws IOException {
        writeEntry(dir, """
                {"year": 2024, "applicants": 0, "passers": 0, "passRate": null},
                {"year": 2025, "applicants": 10, "passers": 5, "passRate": 50.0}""", "");
        Qualification q = ReferenceCatalogue.load(dir).find("0001").orElseThrow();
        assertEquals(
                List.of(new YearlyPassRate(2024, 0, 0, null), new YearlyPassRate(2025, 10, 5, 50.0)),
                q.writtenStatistics());

        writeEntry(dir, "{\"year\": 2024, \"applicants\": 0, \"passers\": 0, \"passRate\": 0.0}", "");
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));
        assertTrue(
                e.getMessage().contains("qualifications[0].writtenStatistics[0].passRate: expected null"),
                e.getMessage());
    }

    @Test
    void aYearWithoutApplicantsCannotCarryAPassRate() {
        assertThrows(IllegalArgumentException.class, () -> new YearlyPassRate(2024, 0, 0, 0.0));
    }

    @Test
    void namesEveryDateComponentOfARoundAndReadsItByName() {
        List<String> components = java.util.Arrays.stream(ExamRound.class.getRecordComponents())
                .filter(c -> c.getType() == LocalDate.class)
                .map(java.lang.reflect.RecordComponent::getName)
                .toList();
        assertEquals(components, ExamRound.DATE_FIELDS);

        ExamRound round = new ExamRound(
                "제1회", null, null, null, null, null, LocalDate.of(2026, 3, 26), null, null, null, null, null);
        assertEquals(LocalDate.of(2026, 3, 26), round.date("practicalRegistrationEnd"));
        assertNull(round.date("writtenPassDate"));
        assertThrows(IllegalArgumentException.class, () -> round.date("label"));
    }
}
