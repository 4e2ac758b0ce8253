package kr.qfeedback.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void linesAreCountedWithOrWithoutAFinalNewline() throws Exception {
        assertEquals(2, KeptCohorts.lines(Files.writeString(dir.resolve("a"), "x\ny\n")));
        assertEquals(3, KeptCohorts.lines(Files.writeString(dir.resolve("b"), "x\n\ny")));
        assertEquals(0, KeptCohorts.lines(Files.writeString(dir.resolve("c"), "")));
    }

    private static KeptCohorts at(Path dir, Instant now) {
        return new KeptCohorts(dir, Clock.fixed(now, ZoneOffset.UTC));
    }
}
