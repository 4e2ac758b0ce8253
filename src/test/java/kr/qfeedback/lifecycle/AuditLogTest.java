package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final Instant T = Instant.parse("2026-03-11T01:00:00Z");
    private static final List<FileChange> DIFF = List.of(
            new FileChange(
                    "sections.drl.xlsx",
                    ChangeKind.CHANGED,
                    List.of(new CellChange("섹션표시", "U10", "10", "15")),
                    List.of(),
                    0),
            new FileChange(
                    "parameters.yaml",
                    ChangeKind.CHANGED,
                    List.of(),
                    List.of(new LineChange(17, 17, "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39")),
                    0));

    @TempDir
    Path data;

    private AuditLog log;

    @BeforeEach
    void fiveEntries() {
        log = AuditLog.open(data);
        log.append("system", T, "STARTUP", null, "aaaaaaaaaaaa", List.of(), "shipped rules");
        log.append("kim", T.plusSeconds(60), "VALIDATE", "aaaaaaaaaaaa", "bbbbbbbbbbbb", DIFF, null);
        log.append("kim", T.plusSeconds(61), "PUBLISH", "aaaaaaaaaaaa", "bbbbbbbbbbbb", DIFF, "youth age 39");
        log.append("lee", T.plusSeconds(120), "ROLLBACK", "bbbbbbbbbbbb", "aaaaaaaaaaaa", List.of(), "complaint");
        log.append("kim", T.plusSeconds(180), AuditAction.PUBLISH, "aaaaaaaaaaaa", "bbbbbbbbbbbb", DIFF, null);
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(log.file(), StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.write(log.file(), lines, StandardCharsets.UTF_8);
    }

    @Test
    void aChainOfSeveralEntriesVerifiesAndReadsBackAsAppended() {
        AuditVerification result = log.verify();

        assertTrue(result.ok(), result.reason());
        assertEquals(5, result.entryCount());
        assertNull(result.firstBadSeq());
        List<AuditEntry> entries = log.entries();
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L),
                entries.stream().map(AuditEntry::seq).toList());
        assertEquals(Sha256.ZERO, entries.get(0).prevHash());
        assertEquals(entries.get(1).hash(), entries.get(2).prevHash());
        AuditEntry publish = entries.get(2);
        assertEquals(
                new AuditEntry(
                        3,
                        T.plusSeconds(61),
                        "kim",
                        AuditAction.PUBLISH,
                        "aaaaaaaaaaaa",
                        "bbbbbbbbbbbb",
                        "youth age 39",
                        DIFF,
                        entries.get(1).hash(),
                        publish.hash()),
                publish);
        assertEquals(entries.get(4).hash(), log.headHash());
        assertTrue(log.verify(log.headHash()).ok());
    }

    @Test
    void theHashIsTakenOverTheCanonicalJsonOfTheEntryWithoutItsHash() throws Exception {
        ObjectNode first = (ObjectNode) Json.parse(lines().get(0));
        String hash = first.remove("hash").textValue();

        assertEquals(Sha256.hex(Json.canonical(first)), hash);
        assertTrue(
                Json.canonical(first).startsWith("{\"action\":\"STARTUP\",\"at\":\"2026-03-11T01:00:00Z\",\"diff\":[]"),
                Json.canonical(first));
    }

    @Test
    void aMissingLogVerifiesWithNoEntries() {
        AuditLog empty = AuditLog.open(data.resolve("elsewhere"));

        AuditVerification result = empty.verify();

        assertTrue(result.ok());
        assertEquals(0, result.entryCount());
        assertEquals(Sha256.ZERO, empty.headHash());
        assertEquals(List.of(), empty.entries());
        assertFalse(Files.exists(empty.file()), "checking does not create the log");
    }

    @Test
    void anEditedFieldIsDetectedAsAnAlteredEntry() throws IOException {
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"who\":\"kim\"", "\"who\":\"park\""));
        write(lines);

        AuditVerification result = log.verify();

        assertFalse(result.ok());
        assertEquals(3L, result.firstBadSeq());
        assertEquals("entry 3's hash does not match its content: it was altered", result.reason());
    }

    @Test
    void anEditedCellInTheRecordedDiffIsDetectedToo() throws IOException {
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("\"after\":\"15\"", "\"after\":\"16\""));
        write(lines);

        assertEquals(2L, log.verify().firstBadSeq());
    }

    @Test
    void aDeletedMiddleEntryIsDetectedAsABrokenLink() throws IOException {
        List<String> lines = lines();
        lines.remove(2);
        write(lines);

        AuditVerification result = log.verify();

        assertFalse(result.ok());
        assertEquals(4, result.entryCount());
        assertEquals(4L, result.firstBadSeq());
        assertEquals(
                "entry 4's prevHash does not match entry 2's hash: an entry was removed or reordered", result.reason());
    }

    @Test
    void swappedEntriesAreDetected() throws IOException {
        List<String> lines = lines();
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        write(lines);

        AuditVerification result = log.verify();

        assertFalse(result.ok());
        assertEquals(4L, result.firstBadSeq());
        assertTrue(result.reason().contains("removed or reordered"), result.reason());
    }

    @Test
    void aLastLineCutOffMidWriteIsDetectedAndBlocksFurtherAppends() throws IOException {
        String content = Files.readString(log.file(), StandardCharsets.UTF_8);
        Files.writeString(log.file(), content.substring(0, content.length() - 40), StandardCharsets.UTF_8);

        AuditVerification result = log.verify();

        assertFalse(result.ok());
        assertEquals(5L, result.firstBadSeq());
        assertTrue(result.reason().startsWith("line 5 is not valid JSON"), result.reason());
        AuditLogException e =
                assertThrows(AuditLogException.class, () -> log.append("kim", T, "PUBLISH", "a", "b", List.of(), null));
        assertTrue(e.getMessage().contains("restore the log from a backup"), e.getMessage());
    }

    @Test
    void aLastLineMissingOnlyItsNewlineIsReported() throws IOException {
        String content = Files.readString(log.file(), StandardCharsets.UTF_8);
        Files.writeString(log.file(), content.substring(0, content.length() - 1), StandardCharsets.UTF_8);

        AuditVerification result = log.verify();

        assertFalse(result.ok());
        assertEquals(
                "line 5 does not end with a newline: the last write was cut off or the log was truncated",
                result.reason());
    }

    @Test
    void aForgedMiddleEntryWithARecomputedHashBreaksTheNextLink() throws Exception {
        List<String> lines = lines();
        ObjectNode forged = (ObjectNode) Json.parse(lines.get(2));
        forged.put("who", "park");
        forged.remove("hash");
        forged.put("hash", Sha256.hex(Json.canonical(forged)));
        lines.set(2, Json.compact(forged));
        write(lines);

        AuditVerification result = log.verify();

        assertFalse(result.ok());
        assertEquals(4L, result.firstBadSeq());
        assertEquals(
                "entry 4's prevHash does not match entry 3's hash: an entry was removed or reordered", result.reason());
    }

    @Test
    void aForgedLastEntryIsCaughtOnlyAgainstTheHeadHashKeptElsewhere() throws Exception {
        String head = log.headHash();
        List<String> lines = lines();
        ObjectNode forged = (ObjectNode) Json.parse(lines.get(4));
        forged.put("who", "park");
        forged.remove("hash");
        forged.put("hash", Sha256.hex(Json.canonical(forged)));
        lines.set(4, Json.compact(forged));
        write(lines);

        assertTrue(log.verify().ok(), "the chain alone cannot tell");
        AuditVerification result = log.verify(head);

        assertFalse(result.ok());
        assertNull(result.firstBadSeq());
        assertTrue(result.reason().contains("no entry's hash is the head hash kept outside the log"), result.reason());
    }

    @Test
    void removingTheLastEntryIsCaughtAgainstTheHeadHash() throws IOException {
        String head = log.headHash();
        List<String> lines = lines();
        lines.remove(4);
        write(lines);

        assertTrue(log.verify().ok());
        AuditVerification result = log.verify(head);
        assertFalse(result.ok());
        assertEquals(4, result.entryCount());
        assertTrue(result.reason().contains("the last entry is 4"), result.reason());
    }

    @Test
    void aHeadExportedEarlierStillVerifiesAfterMoreEntriesWereAppended() {
        String head = log.headHash();
        log.append("lee", T.plusSeconds(240), AuditAction.IMPACT, "bbbbbbbbbbbb", "cccccccccccc", List.of(), null);
        log.append("lee", T.plusSeconds(241), AuditAction.RECORD_READ, null, null, List.of(), "결정 기록 조회");

        AuditVerification result = log.verify(head);

        assertTrue(result.ok(), result.reason());
        assertTrue(
                result.reason()
                        .contains("entry 5 has the head hash kept outside the log (2 entries were appended since)"),
                result.reason());
    }

    @Test
    void aLineThatIsNotJsonIsNamedByItsNumber() throws IOException {
        List<String> lines = lines();
        lines.set(4, "garbage");
        write(lines);

        AuditVerification result = log.verify();

        assertFalse(result.ok());
        assertEquals(5L, result.firstBadSeq());
        assertEquals("line 5 is not valid JSON: the entry was damaged or edited by hand", result.reason());
    }

    @Test
    void anUnknownActionIsRefusedWithTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> log.append("kim", T, "DELETE", null, "a", List.of(), null));

        assertTrue(e.getMessage().contains("VALIDATE, PUBLISH, ROLLBACK, STARTUP"), e.getMessage());
        assertEquals(5, log.entries().size());
    }

    @Test
    void appendsFromManyThreadsAndTwoOpenLogsStillFormOneChain() throws Exception {
        AuditLog other = AuditLog.open(data);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AuditEntry>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AuditLog target = i % 2 == 0 ? log : other;
                String who = "user" + i;
                futures.add(pool.submit(() -> target.append(who, T, AuditAction.VALIDATE, null, "x", DIFF, null)));
            }
            for (Future<AuditEntry> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        AuditVerification result = log.verify();
        assertTrue(result.ok(), result.reason());
        assertEquals(45, result.entryCount());
    }

    @Test
    void theChainContinuesAfterReopening() {
        String head = log.headHash();

        AuditEntry next = AuditLog.open(data).append("kim", T, "ROLLBACK", "b", "a", List.of(), null);

        assertEquals(6, next.seq());
        assertEquals(head, next.prevHash());
        assertTrue(log.verify().ok());
    }
}
