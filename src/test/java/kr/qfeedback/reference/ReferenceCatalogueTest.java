package kr.qfeedback.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
        assertEquals(QnetImporter.render(fresh), Files.readString(COMMITTED.resolve(ReferenceCatalogue.FILE_NAME)),
                "rules/reference/qualifications.json differs from a fresh import; re-run the importer");
    }

    @Test
    void findsAQualificationByCodeAndListsAllSortedByCode() {
        ReferenceCatalogue catalogue = ReferenceCatalogue.load(COMMITTED);

        Qualification q = catalogue.find("1320").orElseThrow();
        assertEquals("정보처리기사", q.name());
        assertEquals(Grade.ENGINEER, q.grade());
        assertEquals(Optional.empty(), catalogue.find("no-such-code"));
        assertEquals(Optional.empty(), catalogue.find(null));
        assertEquals(catalogue.all().stream().sorted(Comparator.comparing(Qualification::code)).toList(),
                catalogue.all());
        assertEquals("2026-08-21", catalogue.snapshotUpdated());
    }

    @Test
    void loadsTheWholeCatalogueWellUnderASecond() {
        ReferenceCatalogue.load(COMMITTED); // class loading and JIT warm-up
        long start = System.nanoTime();
        ReferenceCatalogue catalogue = ReferenceCatalogue.load(COMMITTED);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(613, catalogue.size());
        assertTrue(millis < 500, "loading took " + millis + " ms");
    }

    @Test
    void catalogueIsImmutable() {
        ReferenceCatalogue catalogue = ReferenceCatalogue.load(COMMITTED);

        assertThrows(UnsupportedOperationException.class, () -> catalogue.all().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> catalogue.find("1320").orElseThrow().rounds().clear());
    }

    @Test
    void reportsAMissingFileByName(@TempDir Path dir) {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));

        assertTrue(e.getMessage().contains("qualifications.json") && e.getMessage().contains("not found"),
                e.getMessage());
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

        assertEquals(dir.resolve("qualifications.json") + ": qualifications[0].grade: unknown grade \"GRANDMASTER\"",
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
        Files.writeString(dir.resolve("qualifications.json"), "{\"snapshotUpdated\": \"2026-08-21\", "
                + "\"qualifications\": [" + entry.formatted(round) + "]}");
        ReferenceDataException badDate = assertThrows(ReferenceDataException.class, () -> ReferenceCatalogue.load(dir));
        assertTrue(badDate.getMessage().endsWith(
                "qualifications[0].rounds[0].writtenPassDate: expected an ISO date (yyyy-MM-dd), got \"2026/03/11\""),
                badDate.getMessage());

        Files.writeString(dir.resolve("qualifications.json"), "{\"snapshotUpdated\": \"2026-08-21\", "
                + "\"qualifications\": [" + entry.formatted("") + "," + entry.formatted("") + "]}");
        ReferenceDataException duplicate = assertThrows(ReferenceDataException.class,
                () -> ReferenceCatalogue.load(dir));
        assertTrue(duplicate.getMessage().endsWith(
                "qualifications[1].code: \"0001\" already used by qualifications[0]"), duplicate.getMessage());
    }
}
