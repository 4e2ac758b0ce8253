package kr.qfeedback.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept cohorts hold birth dates and scores: they go after the retention period, or at once on request. */
class KeptCohortsTest {
    private static final Instant KEPT = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aCohortIsDeletedThirtyDaysAfterItWasKeptAndNotBefore() throws Exception {
        Path source = Files.writeString(dir.resolve("in.ndjson"), "{\"candidateId\":\"A\"}\n");
        Path cohorts = dir.resolve("cohorts");
        KeptCohorts.KeptCohort kept = at(cohorts, KEPT).copyIn(source, "spring");
        assertEquals(KEPT.plus(Duration.ofDays(30)), kept.deleteAfter());

        KeptCohorts dayTwentyNine = at(cohorts, KEPT.plus(Duration.ofDays(29)));
        assertEquals(0, dayTwentyNine.sweep());
        assertEquals(
                List.of("spring"),
                dayTwentyNine.list().stream().map(KeptCohorts.KeptCohort::name).toList());

        KeptCohorts dayThirty = at(cohorts, KEPT.plus(Duration.ofDays(30)));
        assertTrue(dayThirty.find("spring").isEmpty(), "finding it sweeps first");
        assertFalse(Files.exists(cohorts.resolve("spring.ndjson")));
        assertTrue(Files.exists(source), "the batch's own input is the operator's");
    }

    @Test
    void aCohortIsDeletedOnRequestAndNamesCannotLeaveTheFolder() throws Exception {
        Path cohorts = dir.resolve("cohorts");
        KeptCohorts store = at(cohorts, KEPT);
        store.copyIn(Files.writeString(dir.resolve("in.ndjson"), "{}\n"), "autumn");
        assertTrue(store.delete("autumn"));
        assertFalse(store.delete("autumn"));
        for (String bad : List.of("../x", ".hidden", "a/b", "", "x".repeat(65))) {
            assertFalse(KeptCohorts.validName(bad), bad);
            assertTrue(store.find(bad).isEmpty(), bad);
        }
    }

    @Test
    void aKeptCohortIsReadableByItsOwnerOnlyWhateverWroteIt() throws Exception {
        Path cohorts = Files.createDirectories(dir.resolve("cohorts"));
        assumeTrue(Files.getFileStore(cohorts).supportsFileAttributeView(PosixFileAttributeView.class));
        KeptCohorts store = at(cohorts, KEPT);
        Path source = Files.writeString(dir.resolve("in.ndjson"), "{}\n");
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-rw-rw-"));

        store.copyIn(source, "copied");
        Path partial = store.newPartial();
        assertEquals("rw-------", permissions(partial), "owner-only before a byte is written");
        Files.delete(partial); // a writer that replaces the file instead of writing into it
        Files.writeString(partial, "{}\n");
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
        store.keep(partial, "uploaded");

        assertEquals("rw-------", permissions(cohorts.resolve("copied.ndjson")));
        assertEquals("rw-------", permissions(cohorts.resolve("uploaded.ndjson")));
        assertEquals("rw-rw-rw-", permissions(source), "the batch's own input is the operator's");
    }

    @Test
    void aCohortKeptBeforeCohortsWereOwnerOnlyBecomesSoAtTheNextSweep() throws Exception {
        Path cohorts = Files.createDirectories(dir.resolve("cohorts"));
        assumeTrue(Files.getFileStore(cohorts).supportsFileAttributeView(PosixFileAttributeView.class));
        Path old = Files.writeString(cohorts.resolve("older.ndjson"), "{}\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(old, FileTime.from(KEPT));

        assertEquals(0, at(cohorts, KEPT.plus(Duration.ofDays(1))).sweep());

        assertEquals("rw-------", permissions(old));
        assertEquals(KEPT, Files.getLastModifiedTime(old).toInstant(), "its retention is unchanged");
    }

    @Test
    void linesAreCountedWithOrWithoutAFinalNewline() throws Exception {
        assertEquals(2, KeptCohorts.lines(Files.writeString(dir.resolve("a"), "x\ny\n")));
        assertEquals(3, KeptCohorts.lines(Files.writeString(dir.resolve("b"), "x\n\ny")));
        assertEquals(0, KeptCohorts.lines(Files.writeString(dir.resolve("c"), "")));
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static KeptCohorts at(Path dir, Instant now) {
        return new KeptCohorts(dir, Clock.fixed(now, ZoneOffset.UTC));
    }
}
