package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each start is a new lifecycle on the same data folder: a restart of the node. */
class StartupCacheTest {
    private static final String TABLE_DRL = "table-drl.json";

    @TempDir
    Path dir;

    private RulesLifecycle node(AuditKey key) {
        Path data = dir.resolve("data");
        return new RulesLifecycle(
                new ActiveRuleSet(),
                VersionStore.open(data),
                AuditLog.open(data, key),
                new AcceptanceGate(dir.resolve("no-features")),
                Clock.systemUTC());
    }

    private Path cached(RuleFiles files, String entry) {
        return dir.resolve("data")
                .resolve(VersionCache.FOLDER)
                .resolve(files.fullHash())
                .resolve(entry);
    }

    /** Starts a first node on {@code rules}; the tables' DRL it cached. */
    private Path tableDrlCachedByAFirstStart(Path rules) {
        startOn(node(null), rules);
        return cached(RuleFiles.read(rules), TABLE_DRL);
    }

    private static RuleSet startOn(RulesLifecycle node, Path rules) {
        return node.start(RuleFiles.read(rules), false);
    }

    @Test
    void aRestartOnACompiledVersionTakesTheTablesDrlFromTheCache() {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        RulesLifecycle first = node(null);
        RuleSet cold = startOn(first, rules);
        assertEquals(0L, first.cache().hits());
        assertEquals(1L, first.startupAnalyses());

        RulesLifecycle restarted = node(null);
        RuleSet warm = startOn(restarted, rules);

        assertEquals(1L, restarted.cache().hits());
        assertEquals(0L, restarted.cache().refusals());
        assertEquals(0L, restarted.startupAnalyses());
        assertEquals(cold.version(), warm.version());
        assertEquals(cold.ruleCount(), warm.ruleCount());
    }

    @Test
    void aVersionCheckedBeforeTakesItsCoverageVerdictFromTheCacheInsteadOfAnalysingAgain() {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        startOn(node(null), rules);
        Path edited = ShippedRules.copyInto(dir.resolve("edited"));
        ShippedRules.write(edited, "README.md", "편집한 안내\n");
        startOn(node(null), edited);

        RulesLifecycle backAgain = node(null);
        RuleSet rules2 = startOn(backAgain, rules);

        assertEquals(RuleFiles.read(rules).version(), rules2.version());
        assertEquals(0L, backAgain.startupAnalyses());
        assertEquals(2L, backAgain.cache().hits());
    }

    @Test
    void aTamperedOrTruncatedCacheFileIsRefusedAndMadeAgain() throws IOException {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        RuleFiles files = RuleFiles.read(rules);
        Path drl = tableDrlCachedByAFirstStart(rules);
        byte[] good = Files.readAllBytes(drl);
        Files.writeString(drl, new String(good, StandardCharsets.UTF_8).replaceFirst("then", "then "));

        RulesLifecycle tampered = node(null);
        RuleSet afterTampering = startOn(tampered, rules);
        assertEquals(1L, tampered.cache().refusals());
        assertEquals(0L, tampered.cache().hits());
        assertEquals(ShippedRules.compiled().ruleCount(), afterTampering.ruleCount());
        assertArrayEquals(good, Files.readAllBytes(drl));

        Files.write(drl, java.util.Arrays.copyOf(good, good.length / 2));
        RulesLifecycle truncated = node(null);
        startOn(truncated, rules);
        assertEquals(1L, truncated.cache().refusals());
        assertArrayEquals(good, Files.readAllBytes(drl));
        assertTrue(VersionCache.in(dir.resolve("data"), null)
                .read(files, TABLE_DRL)
                .isPresent());
    }

    @Test
    void aCachedDrlRewrittenWithHostileCodeAndAResealedEntryIsRefusedBeforeDroolsSeesIt() throws IOException {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        RuleFiles files = RuleFiles.read(rules);
        // Whoever can write the data folder without the audit key can also make the seal match.
        Path drl = tableDrlCachedByAFirstStart(rules);
        String hostile = "java.nio.file.Files.writeString(java.nio.file.Path.of(\\\"target/hostile-probe.txt\\\"),"
                + " \\\"cache\\\"); insert(shown);";
        String rewritten = Files.readString(drl)
                .replaceFirst("insert\\(shown\\);", java.util.regex.Matcher.quoteReplacement(hostile));
        Files.writeString(drl, rewritten);
        Path seal = cached(files, TABLE_DRL + VersionCache.SEAL_SUFFIX);
        String sealText = Files.readString(seal);
        String oldSha = Json.parse(sealText).path("sha256").asText();
        Files.writeString(seal, sealText.replace(oldSha, Sha256.hex(Files.readAllBytes(drl))));

        RulesLifecycle restarted = node(null);
        kr.qfeedback.rules.RuleSetException refused = org.junit.jupiter.api.Assertions.assertThrows(
                kr.qfeedback.rules.RuleSetException.class, () -> startOn(restarted, rules));

        assertEquals(1L, restarted.cache().hits(), "the seal matched: only the allow-list stands in the way");
        assertTrue(
                refused.problems().stream().anyMatch(p -> p.describe().contains("java.nio.file.Files")),
                () -> refused.problems().toString());
        org.junit.jupiter.api.Assertions.assertFalse(
                Files.exists(Path.of("target/hostile-probe.txt")), "the cached hostile consequence ran");
    }

    @Test
    void aCacheMadeForAnotherVersionIsNeverUsed() throws IOException {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        startOn(node(null), rules);
        Path edited = ShippedRules.copyInto(dir.resolve("edited"));
        ShippedRules.write(edited, "README.md", "편집한 안내\n");
        RuleFiles other = RuleFiles.read(edited);
        Path otherFolder = cached(other, TABLE_DRL).getParent();
        Files.createDirectories(otherFolder);
        Path from = cached(RuleFiles.read(rules), TABLE_DRL).getParent();
        for (String name : new String[] {TABLE_DRL, TABLE_DRL + VersionCache.SEAL_SUFFIX}) {
            Files.copy(from.resolve(name), otherFolder.resolve(name));
        }

        RulesLifecycle node = node(null);
        RuleSet started = startOn(node, edited);

        assertEquals(other.version(), started.version());
        assertEquals(0L, node.cache().hits());
        assertEquals(1L, node.cache().refusals());
        assertTrue(Files.readString(cached(other, TABLE_DRL + VersionCache.SEAL_SUFFIX))
                .contains(other.fullHash()));
    }

    @Test
    void withAnAuditKeyAnUnsignedCacheIsRefusedAndASignedOneIsUsed() {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        startOn(node(null), rules);
        AuditKey key = AuditKey.of("0123456789abcdef0123456789abcdef");

        RulesLifecycle signing = node(key);
        startOn(signing, rules);
        assertEquals(1L, signing.cache().refusals());

        RulesLifecycle again = node(key);
        startOn(again, rules);
        assertEquals(1L, again.cache().hits());
        assertEquals(0L, again.cache().refusals());

        RulesLifecycle otherKey = node(AuditKey.of("fedcba9876543210fedcba9876543210"));
        assertTrue(otherKey.cache().read(RuleFiles.read(rules), TABLE_DRL).isEmpty());
    }
}
