package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionStoreTest {
    private static final Instant T1 = Instant.parse("2026-03-11T01:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-12T01:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-13T01:00:00Z");

    @TempDir
    Path temp;

    private RuleFiles shipped() throws IOException {
        return RuleFiles.read(ShippedRules.copyInto(temp.resolve("rules")));
    }

    @Test
    void theRealRulesStoredAndLoadedBackHaveTheSameFilesAndVersion() throws IOException {
        RuleFiles rules = shipped();
        VersionStore store = VersionStore.open(temp.resolve("data"));

        StoredVersion stored = store.store(rules, "kim", T1, "first");
        RuleFiles loaded = store.load(stored.id());

        assertEquals(rules.version(), stored.id());
        assertEquals(rules.version(), loaded.version());
        assertEquals(rules.files().keySet(), loaded.files().keySet());
        rules.files()
                .forEach(
                        (path, bytes) -> assertArrayEquals(bytes, loaded.files().get(path), path));
        assertEquals(rules.files().size(), stored.files().size());
        assertTrue(stored.files().stream().allMatch(f -> Sha256.isHash(f.sha256()) && f.size() > 0));
        assertTrue(Files.isRegularFile(temp.resolve("data/versions/" + stored.id() + "/files/sections.drl.xlsx")));
        assertTrue(Files.isRegularFile(temp.resolve("data/versions/" + stored.id() + "/version.json")));
    }

    @Test
    void storingTheSameRulesAgainKeepsTheFirstPublisherAndNote() throws IOException {
        RuleFiles rules = shipped();
        VersionStore store = VersionStore.open(temp.resolve("data"));

        store.store(rules, "kim", T1, "first");
        StoredVersion again = store.store(rules, "lee", T2, "second");

        assertEquals("kim", again.publishedBy());
        assertEquals(T1, again.publishedAt());
        assertEquals("first", again.note());
        assertEquals(1, store.versions().size());
    }

    @Test
    void aReopenedStoreStillHasItsVersionsAsAfterARestart() throws IOException {
        Path data = temp.resolve("data");
        RuleFiles rules = shipped();
        StoredVersion stored = VersionStore.open(data).store(rules, "kim", T1, null);

        VersionStore reopened = VersionStore.open(data);

        assertEquals(List.of(stored), reopened.versions());
        assertEquals(Optional.of(stored), reopened.find(stored.id()));
        assertEquals(rules.version(), reopened.load(stored.id()).version());
    }

    @Test
    void versionsAreListedNewestFirst() throws IOException {
        Path rulesDir = ShippedRules.copyInto(temp.resolve("rules"));
        VersionStore store = VersionStore.open(temp.resolve("data"));
        String first = store.store(RuleFiles.read(rulesDir), "kim", T1, null).id();
        ShippedRules.replace(rulesDir.resolve("parameters.yaml"), "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");
        String second = store.store(RuleFiles.read(rulesDir), "lee", T2, null).id();

        assertEquals(
                List.of(second, first),
                store.versions().stream().map(StoredVersion::id).collect(Collectors.toList()));
    }

    @Test
    void storingLeavesNoTemporaryFolderBehind() throws IOException {
        VersionStore store = VersionStore.open(temp.resolve("data"));
        store.store(shipped(), "kim", T1, null);

        try (Stream<Path> entries = Files.list(temp.resolve("data/versions"))) {
            assertEquals(1, entries.count());
        }
    }

    @Test
    void aTemporaryFolderLeftByACrashIsNotAVersionAndDoesNotBlockStoring() throws IOException {
        RuleFiles rules = shipped();
        Path data = temp.resolve("data");
        Path halfWritten = data.resolve("versions/.tmp-" + rules.version() + "-123/files");
        Files.createDirectories(halfWritten);
        Files.writeString(halfWritten.resolve("parameters.yaml"), "half", StandardCharsets.UTF_8);
        VersionStore store = VersionStore.open(data);

        assertEquals(List.of(), store.versions());
        assertEquals(Optional.empty(), store.find(rules.version()));
        assertEquals(
                rules.version(),
                store.load(store.store(rules, "kim", T1, null).id()).version());
    }

    @Test
    void aStoredFileThatWasAlteredMakesLoadFailNamingTheFile() throws IOException {
        VersionStore store = VersionStore.open(temp.resolve("data"));
        String id = store.store(shipped(), "kim", T1, null).id();
        Path stored = temp.resolve("data/versions/" + id + "/files/parameters.yaml");
        Files.writeString(
                stored,
                Files.readString(stored, StandardCharsets.UTF_8).replace(": 34", ": 99"),
                StandardCharsets.UTF_8);

        VersionStoreException e = assertThrows(VersionStoreException.class, () -> store.load(id));

        assertTrue(e.getMessage().contains("parameters.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("altered"), e.getMessage());
    }

    @Test
    void aStoredFileThatWasDeletedOrAddedMakesLoadFailNamingTheFile() throws IOException {
        VersionStore store = VersionStore.open(temp.resolve("data"));
        String id = store.store(shipped(), "kim", T1, null).id();
        Path files = temp.resolve("data/versions/" + id + "/files");

        Files.writeString(files.resolve("extra.drl"), "rule \"x\" when then end\n", StandardCharsets.UTF_8);
        VersionStoreException added = assertThrows(VersionStoreException.class, () -> store.load(id));
        assertTrue(added.getMessage().contains("extra.drl"), added.getMessage());

        Files.delete(files.resolve("extra.drl"));
        Files.delete(files.resolve("judgements.drl"));
        VersionStoreException missing = assertThrows(VersionStoreException.class, () -> store.load(id));
        assertTrue(missing.getMessage().contains("judgements.drl"), missing.getMessage());
    }

    @Test
    void theActiveVersionAndItsHistorySurviveReopening() throws IOException {
        Path data = temp.resolve("data");
        Path rulesDir = ShippedRules.copyInto(temp.resolve("rules"));
        VersionStore store = VersionStore.open(data);
        String first = store.store(RuleFiles.read(rulesDir), "kim", T1, null).id();
        ShippedRules.replace(rulesDir.resolve("parameters.yaml"), "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");
        String second = store.store(RuleFiles.read(rulesDir), "lee", T2, null).id();
        assertEquals(Optional.empty(), store.activeVersion());

        store.activate(first, "system", T1, ActivationAction.STARTUP);
        store.activate(second, "lee", T2);
        store.activate(first, "kim", T3);

        VersionStore reopened = VersionStore.open(data);
        assertEquals(Optional.of(first), reopened.activeVersion());
        assertEquals(
                List.of(
                        new Activation(first, T3, "kim", ActivationAction.ROLLBACK),
                        new Activation(second, T2, "lee", ActivationAction.PUBLISH),
                        new Activation(first, T1, "system", ActivationAction.STARTUP)),
                reopened.activations());
        assertEquals(
                Optional.of(new Activation(first, T3, "kim", ActivationAction.ROLLBACK)), reopened.currentActivation());
        try (Stream<Path> entries = Files.list(data)) {
            assertFalse(
                    entries.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void activatingAVersionThatIsNotStoredFailsNamingTheStoredOnes() throws IOException {
        VersionStore store = VersionStore.open(temp.resolve("data"));
        String id = store.store(shipped(), "kim", T1, null).id();

        UnknownVersionException e =
                assertThrows(UnknownVersionException.class, () -> store.activate("0123456789ab", "kim", T2));

        assertTrue(e.getMessage().contains("0123456789ab") && e.getMessage().contains(id), e.getMessage());
        assertEquals(Optional.empty(), store.activeVersion());
        assertThrows(UnknownVersionException.class, () -> store.load("../../etc"));
    }

    @Test
    void versionJsonNamesEveryFileWithItsHashAndSize() throws IOException {
        RuleFiles rules = shipped();
        VersionStore store = VersionStore.open(temp.resolve("data"));
        StoredVersion stored = store.store(rules, "kim", T1, "note");

        String json = Files.readString(temp.resolve("data/versions/" + stored.id() + "/version.json"));
        Map<String, byte[]> files = rules.files();
        for (StoredFile f : stored.files()) {
            assertEquals(Sha256.hex(files.get(f.path())), f.sha256());
            assertEquals(files.get(f.path()).length, f.size());
            assertTrue(json.contains(f.sha256()), f.path());
        }
        assertTrue(json.contains("\"publishedBy\" : \"kim\""), json);
    }

    @Test
    void aVersionIsIdentifiedByTheFullHashOfItsFilesAndShownByItsFirstTwelveDigits() throws IOException {
        RuleFiles rules = shipped();
        VersionStore store = VersionStore.open(temp.resolve("data"));

        StoredVersion stored = store.store(rules, "kim", T1, "note");

        assertTrue(Sha256.isHash(stored.fullHash()), stored.fullHash());
        assertEquals(rules.fullHash(), stored.fullHash());
        assertEquals(stored.fullHash().substring(0, 12), stored.id());
        String json = Files.readString(temp.resolve("data/versions/" + stored.id() + "/version.json"));
        assertTrue(json.contains("\"fullHash\" : \"" + rules.fullHash() + "\""), json);
        assertEquals(
                rules.fullHash(),
                VersionStore.open(temp.resolve("data"))
                        .find(stored.id())
                        .orElseThrow()
                        .fullHash());
    }

    @Test
    void aVersionStoredBeforeFullHashesWereRecordedStillLoadsWithTheHashOfItsFiles() throws IOException {
        RuleFiles rules = shipped();
        String id = VersionStore.open(temp.resolve("data"))
                .store(rules, "kim", T1, "old")
                .id();
        Path json = temp.resolve("data/versions/" + id + "/version.json");
        String withoutHash = Files.readString(json).replaceAll("\\s*\"fullHash\" : \"[0-9a-f]+\",", "");
        assertFalse(withoutHash.contains("fullHash"), withoutHash);
        Files.writeString(json, withoutHash);

        VersionStore reopened = VersionStore.open(temp.resolve("data"));

        assertEquals(rules.fullHash(), reopened.find(id).orElseThrow().fullHash());
        assertEquals(rules.fullHash(), reopened.load(id).fullHash());
        assertEquals(rules.fullHash(), reopened.versions().get(0).fullHash());
    }

    @Test
    void aVersionWhoseRecordedFullHashIsNotThatOfItsFilesDoesNotLoad() throws IOException {
        RuleFiles rules = shipped();
        String id = VersionStore.open(temp.resolve("data"))
                .store(rules, "kim", T1, null)
                .id();
        Path json = temp.resolve("data/versions/" + id + "/version.json");
        String other = id + "0".repeat(52);
        Files.writeString(json, Files.readString(json).replace(rules.fullHash(), other));

        VersionStoreException e = assertThrows(
                VersionStoreException.class,
                () -> VersionStore.open(temp.resolve("data")).load(id));

        assertTrue(e.getMessage().contains("not to its recorded full hash " + other), e.getMessage());
    }
}
