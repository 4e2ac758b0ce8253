package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.qfeedback.decision.FactDeriver;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollback to the version the last change replaced takes that version as it is still compiled. */
class RollbackToReplacedVersionTest {

    @Test
    void rollingBackToTheReplacedVersionReusesItsCompiledRulesAndAnOlderOneIsCompiledAgain(@TempDir Path dir)
            throws Exception {
        try (LiveServer server = LiveServer.withLifecycle().start()) {
            RulesLifecycle lifecycle = server.lifecycle();
            RuleSet shipped = lifecycle.active().current().orElseThrow();

            Path edited = ShippedRules.copyInto(dir.resolve("edited"));
            Files.write(
                    edited.resolve(RulesPublishHttpTest.MESSAGES),
                    ShippedRules.textWith(
                            RulesPublishHttpTest.MESSAGES,
                            RulesPublishHttpTest.SHIPPED_TITLE,
                            RulesPublishHttpTest.NEW_TITLE));
            assertTrue(lifecycle
                    .publish(RuleFiles.read(edited), "author-1", "제목 다듬기")
                    .published());
            RuleSet published = lifecycle.active().current().orElseThrow();
            assertNotEquals(shipped.version(), published.version());
            assertPreparedBeforeTheSwap(published);

            lifecycle.rollback(shipped.version(), "author-1");
            assertSame(shipped, lifecycle.active().current().orElseThrow(), "the replaced version, not compiled again");

            lifecycle.rollback(published.version(), "author-1");
            assertSame(published, lifecycle.active().current().orElseThrow(), "and back: it was the one replaced");

            // Only the last replaced version is kept: going back two steps compiles the stored files.
            Path again = ShippedRules.copyInto(dir.resolve("again"));
            Files.write(
                    again.resolve(RulesPublishHttpTest.MESSAGES),
                    ShippedRules.textWith(RulesPublishHttpTest.MESSAGES, "제목: \"만족도 조사\"", "제목: \"만족도 조사(1분)\""));
            assertTrue(lifecycle
                    .publish(RuleFiles.read(again), "author-1", "한 번 더")
                    .published());
            lifecycle.rollback(shipped.version(), "author-1");
            RuleSet recompiled = lifecycle.active().current().orElseThrow();
            assertEquals(shipped.version(), recompiled.version());
            assertNotSame(shipped, recompiled);
            assertPreparedBeforeTheSwap(recompiled);
        }
    }

    /** The decider's fact deriver was made with the rule set before it went live, not by its first requests. */
    private static void assertPreparedBeforeTheSwap(RuleSet rules) {
        FactDeriver made = rules.derived(FactDeriver.class, r -> {
            throw new AssertionError("the fact deriver of " + r.version() + " was not made before the swap");
        });
        assertSame(made, rules.derived(FactDeriver.class, r -> null), "kept with the rule set");
    }
}
