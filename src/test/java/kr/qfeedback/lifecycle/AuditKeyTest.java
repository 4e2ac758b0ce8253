package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain anchored outside the data folder: signed with QF_AUDIT_KEY, or checked against an exported head. */
class AuditKeyTest {
    private static final Instant T = Instant.parse("2026-03-11T01:00:00Z");
    private static final String KEY = "4f1c0e9a7b2d8e3f5a6b7c8d9e0f1a2b4f1c0e9a7b2d8e3f5a6b7c8d9e0f1a2b";

    @TempDir
    Path data;

    @Test
    void aLogRewrittenConsistentlyWithPlainHashesIsCaughtWhenTheAuditKeyIsSet() throws Exception {
        AuditLog signed = AuditLog.open(data, AuditKey.of(KEY));
        signed.append("system", T, AuditAction.STARTUP, null, "aaaaaaaaaaaa", List.of(), null);
        signed.append("kim", T.plusSeconds(60), AuditAction.PUBLISH, "aaaaaaaaaaaa", "bbbbbbbbbbbb", List.of(), null);
        assertTrue(signed.verify().ok(), signed.verify().reason());

        // Someone without the key changes who published and recomputes every hash as a plain log.
        List<String> rewritten = new ArrayList<>();
        String previous = Sha256.ZERO;
        for (String line : Files.readAllLines(signed.file(), StandardCharsets.UTF_8)) {
            ObjectNode entry = (ObjectNode) Json.parse(line);
            entry.remove("signed");
            if (entry.get("who").textValue().equals("kim")) {
                entry.put("who", "park");
            }
            entry.put("prevHash", previous);
            entry.remove("hash");
            previous = Sha256.hex(Json.canonical(entry));
            entry.put("hash", previous);
            rewritten.add(Json.compact(entry));
        }
        Files.write(signed.file(), rewritten, StandardCharsets.UTF_8);

        assertTrue(AuditLog.open(data).verify().ok(), "without the key the rewrite is a valid plain chain");
        AuditVerification withKey = AuditLog.open(data, AuditKey.of(KEY)).verify();
        assertFalse(withKey.ok());
        assertTrue(withKey.reason().contains("rewritten without the key"), withKey.reason());
        assertEquals(1, run(List.of(data.toString()), Map.of(AuditKey.VARIABLE, KEY)).exit);
    }

    @Test
    void anEntrySignedWithTheKeyCannotBeEditedEvenWhenItsHashIsRecomputedAsHmacWithAnotherKey() throws Exception {
        AuditLog signed = AuditLog.open(data, AuditKey.of(KEY));
        signed.append("kim", T, AuditAction.PUBLISH, null, "bbbbbbbbbbbb", List.of(), null);
        List<String> lines = Files.readAllLines(signed.file(), StandardCharsets.UTF_8);
        ObjectNode entry = (ObjectNode) Json.parse(lines.get(0));
        entry.put("who", "park");
        entry.remove("hash");
        entry.put("hash", AuditKey.of("f".repeat(64)).sign(Json.canonical(entry)));
        Files.writeString(signed.file(), Json.compact(entry) + "\n", StandardCharsets.UTF_8);

        AuditVerification result = signed.verify();
        assertFalse(result.ok());
        assertEquals(1L, result.firstBadSeq());
        assertTrue(result.reason().contains("hash does not match its content and the audit key"), result.reason());
    }

    @Test
    void aPlainLogGoesOnSignedOnceTheKeyIsSetAndThenRefusesEntriesWithoutIt() {
        AuditLog plain = AuditLog.open(data);
        plain.append("system", T, AuditAction.STARTUP, null, "aaaaaaaaaaaa", List.of(), null);
        plain.append("kim", T.plusSeconds(1), AuditAction.VALIDATE, "aaaaaaaaaaaa", "bbbbbbbbbbbb", List.of(), null);
        String plainHead = plain.headHash();

        AuditLog keyed = AuditLog.open(data, AuditKey.of(KEY));
        keyed.startSigning(T.plusSeconds(2));
        keyed.startSigning(T.plusSeconds(3)); // already signed: nothing more

        List<AuditEntry> entries = keyed.entries();
        assertEquals(3, entries.size());
        assertEquals(AuditAction.SIGNING, entries.get(2).action());
        assertTrue(entries.get(2).signed());
        assertFalse(entries.get(1).signed());
        AuditVerification mixed = keyed.verify(plainHead);
        assertTrue(mixed.ok(), mixed.reason());
        assertTrue(mixed.reason().contains("from entry 3 on, signed with the audit key"), mixed.reason());

        AuditLogException refused = assertThrows(
                AuditLogException.class,
                () -> plain.append("lee", T.plusSeconds(4), AuditAction.IMPACT, null, null, List.of(), null));
        assertTrue(refused.getMessage().contains("Set QF_AUDIT_KEY"), refused.getMessage());
        AuditVerification withoutKey = plain.verify();
        assertFalse(withoutKey.ok(), "a signed entry cannot be checked without the key");
        assertEquals(3L, withoutKey.firstBadSeq());
    }

    @Test
    void theCommandWithAHeadTheChainDoesNotContainFailsAndSaysSo() {
        AuditLog log = AuditLog.open(data);
        log.append("system", T, AuditAction.STARTUP, null, "aaaaaaaaaaaa", List.of(), null);
        String head = log.headHash();
        log.append("kim", T.plusSeconds(1), AuditAction.VALIDATE, "aaaaaaaaaaaa", "bbbbbbbbbbbb", List.of(), null);

        Run contained = run(List.of(data.toString(), "--head", head), Map.of());
        assertEquals(0, contained.exit, contained.output);
        Run unknown = run(List.of(data.toString(), "--head", "ab".repeat(32)), Map.of());
        assertEquals(1, unknown.exit, unknown.output);
        assertTrue(
                unknown.output.contains("no entry's hash is the head hash kept outside the log (" + "ab".repeat(32)),
                unknown.output);
        Run malformed = run(List.of(data.toString(), "--head", "not-a-hash"), Map.of());
        assertEquals(2, malformed.exit, malformed.output);
    }

    @Test
    void aKeyOfFewerThan128BitsIsRefusedNamingTheVariable() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AuditKey.fromEnvironment(Map.of(AuditKey.VARIABLE, "0123456789abcdef")));
        assertTrue(e.getMessage().startsWith("QF_AUDIT_KEY carries about 64 bits"), e.getMessage());
        assertNull(AuditKey.fromEnvironment(Map.of()));
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(args, env, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
