package kr.qfeedback.reference.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.qfeedback.reference.ReferenceDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import errors name the file and the field; these use small made-up snapshots. */
class QnetImporterErrorsTest {

    @Test
    void reportsAMissingSnapshotFolderByName(@TempDir Path out) {
        Path missing = out.resolve("no-such-folder");

        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> QnetImporter.run(missing, out));
        assertTrue(e.getMessage().contains("no-such-folder"), e.getMessage());
    }

    @Test
    void namesTheFileAndFieldOfABadDate(@TempDir Path snapshot, @TempDir Path out) throws IOException {
        Files.writeString(snapshot.resolve("exams.json"), """
                {"updated": "2026-08-21", "count": 1, "items": [
                  {"jmcd": "0001", "name": "시험기사", "qual_type": "T", "series": "기사", "field": "정보통신"}]}
                """);
        Files.writeString(snapshot.resolve("schedules.json"), "{\"items\": []}");
        Files.writeString(snapshot.resolve("raw_sample.json"), "{\"getEList\": []}");
        Files.createDirectories(snapshot.resolve("stats"));
        Files.writeString(snapshot.resolve("stats").resolve("0001.json"), """
                {"jmcd": "0001", "name": "시험기사", "schedule": [{"round": "제1회", "written_pass": "2026-13-01"}],
                 "fee": {"written": "", "practical": "", "raw": ""}, "info": [],
                 "stats": {"written": [], "practical": []}}
                """);

        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> QnetImporter.run(snapshot, out));
        assertEquals(
                "stats/0001.json: schedule[0].written_pass: expected an ISO date (yyyy-MM-dd) or \"\", "
                        + "got \"2026-13-01\"",
                e.getMessage());
        assertTrue(Files.notExists(out.resolve("qualifications.json")));
    }

    @Test
    void namesTheFileAndFieldOfAMissingStatisticsField(@TempDir Path snapshot, @TempDir Path out) throws IOException {
        Files.writeString(snapshot.resolve("exams.json"), """
                {"updated": "2026-08-21", "items": [
                  {"jmcd": "0001", "name": "시험기사", "qual_type": "T", "series": "기사", "field": "정보통신"}]}
                """);
        Files.writeString(snapshot.resolve("schedules.json"), "{\"items\": []}");
        Files.writeString(snapshot.resolve("raw_sample.json"), "{}");
        Files.createDirectories(snapshot.resolve("stats"));
        Files.writeString(snapshot.resolve("stats").resolve("0001.json"), """
                {"jmcd": "0001", "schedule": [], "fee": {}, "info": [],
                 "stats": {"written": [{"year": 2025, "applicants": "many", "passers": 1, "passRate": 1.0}],
                           "practical": []}}
                """);

        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> QnetImporter.run(snapshot, out));
        assertTrue(
                e.getMessage().startsWith("stats/0001.json: stats.written[0].applicants: expected an integer"),
                e.getMessage());
    }
}
