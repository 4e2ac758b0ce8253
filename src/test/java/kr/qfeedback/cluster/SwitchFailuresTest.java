package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.ClusterUnavailableException;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A switch that cannot complete on every member (SWITCH_FAILED) or that meets another switch in
 * progress (CLUSTER_BUSY), on real Hazelcast members in this JVM: nothing changes anywhere.
 */
class SwitchFailuresTest {
    private static final int QUORUM = 2;

    @RegisterExtension
    final LocalMembers members = new LocalMembers();

    @TempDir
    Path temp;

    @Test
    @Timeout(180)
    void aSwitchThatAMemberCannotStoreFailsAndLeavesThePreviousVersionOnEveryMember() throws Exception {
        HazelcastInstance hzA = members.start(members.config(QUORUM, List.of()));
        HazelcastInstance hzB = members.start(members.config(QUORUM, List.of(LocalMembers.address(hzA))));
        LocalMembers.awaitQuorum(hzA, hzB);
        RulesLifecycle a = LocalMembers.lifecycle(temp.resolve("a"));
        RulesLifecycle b = LocalMembers.lifecycle(temp.resolve("b"));
        ClusterRules leader = rules(hzA, a, SwitchTimeouts.DEFAULT);
        ClusterRules follower = rules(hzB, b, SwitchTimeouts.DEFAULT);
        String v1 = leader.join(() -> a.start(RuleFiles.read(LocalMembers.RULES), false))
                .version();
        follower.join(LocalMembers::noSeed);
        await(
                "member B recorded version 1 on its disk",
                () -> b.store().activeVersion().filter(v1::equals).isPresent());

        // Member B's disk can no longer take a version: its versions folder has become a file.
        Path versionsOfB = temp.resolve("b").resolve("versions");
        Files.move(versionsOfB, temp.resolve("b").resolve("versions.moved"));
        Files.writeString(versionsOfB, "not a folder");
        RuleFiles v2 = LocalMembers.editedRules(temp.resolve("v2"), "a version member B cannot store");

        ClusterUnavailableException failed = assertThrows(
                ClusterUnavailableException.class,
                () -> leader.activateEverywhere(
                        v2, a.compile(v2), "tester", "switch test", AuditAction.PUBLISH, ActivationAction.PUBLISH));

        assertEquals("SWITCH_FAILED", failed.code());
        String memberB = hzB.getCluster().getLocalMember().getUuid().toString();
        assertTrue(
                failed.getMessage()
                        .startsWith("Version " + v2.version() + " was not activated anywhere: member " + memberB
                                + " could not prepare it ("),
                failed.getMessage());
        assertTrue(
                failed.getMessage().endsWith("The previous version stays active on every member."),
                failed.getMessage());
        assertNothingChanged(hzA, v1, a, b);
    }

    @Test
    @Timeout(120)
    void aSwitchThatAMemberNeverPreparesFailsWhenThePrepareTimeIsUp() throws Exception {
        HazelcastInstance hzA = members.start(members.config(QUORUM, List.of()));
        RulesLifecycle a = LocalMembers.lifecycle(temp.resolve("a"));
        ClusterRules leader = rules(
                hzA, a, new SwitchTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(10)));
        // A member that runs no rules service yet (its node is still starting) never answers a prepare.
        HazelcastInstance silent = members.start(members.config(QUORUM, List.of(LocalMembers.address(hzA))));
        LocalMembers.awaitQuorum(hzA, silent);
        String v1 = leader.join(() -> a.start(RuleFiles.read(LocalMembers.RULES), false))
                .version();
        RuleFiles v2 = LocalMembers.editedRules(temp.resolve("v2"), "a version one member never prepares");

        ClusterUnavailableException failed = assertThrows(
                ClusterUnavailableException.class,
                () -> leader.activateEverywhere(
                        v2, a.compile(v2), "tester", "switch test", AuditAction.PUBLISH, ActivationAction.PUBLISH));

        assertEquals("SWITCH_FAILED", failed.code());
        assertEquals(
                "Version " + v2.version() + " was not activated anywhere: member(s) ["
                        + silent.getCluster().getLocalMember().getUuid() + "] did not prepare it within 1 s."
                        + " The previous version stays active on every member.",
                failed.getMessage());
        assertNothingChanged(hzA, v1, a);
    }

    @Test
    @Timeout(180)
    void aSwitchThatAnotherSwitchHoldsAnswersClusterBusy() throws Exception {
        HazelcastInstance hzA = members.start(members.config(QUORUM, List.of()));
        HazelcastInstance hzB = members.start(members.config(QUORUM, List.of(LocalMembers.address(hzA))));
        LocalMembers.awaitQuorum(hzA, hzB);
        RulesLifecycle a = LocalMembers.lifecycle(temp.resolve("a"));
        RulesLifecycle b = LocalMembers.lifecycle(temp.resolve("b"));
        ClusterRules first = rules(hzA, a, SwitchTimeouts.DEFAULT);
        ClusterRules second = rules(
                hzB, b, new SwitchTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(120), Duration.ofSeconds(10)));
        String v1 = first.join(() -> a.start(RuleFiles.read(LocalMembers.RULES), false))
                .version();
        second.join(LocalMembers::noSeed);
        // A member still starting holds the first switch in its prepare phase until it leaves.
        HazelcastInstance silent = members.start(members.config(QUORUM, List.of(LocalMembers.address(hzA))));
        RuleFiles v2 = LocalMembers.editedRules(temp.resolve("v2"), "the version of the first switch");
        RuleSet compiled = a.compile(v2);
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> first.activateEverywhere(
                v2, compiled, "tester", "first switch", AuditAction.PUBLISH, ActivationAction.PUBLISH));
        IMap<String, String> active = hzB.getMap(ClusterSettings.ACTIVE_MAP);
        await(
                "the first switch holds the cluster lock",
                () -> active.isLocked(ClusterRules.ACTIVE_KEY) || publishing.isDone());

        RuleSet current = b.active().current().orElseThrow();
        ClusterUnavailableException busy = assertThrows(
                ClusterUnavailableException.class,
                () -> second.activateEverywhere(
                        b.store().load(v1),
                        current,
                        "tester",
                        "second switch",
                        AuditAction.ROLLBACK,
                        ActivationAction.ROLLBACK));

        assertEquals("CLUSTER_BUSY", busy.code());
        assertEquals(
                "Another member has been switching the rules version for 1 s; nothing changed. Retry shortly.",
                busy.getMessage());
        assertEquals(v1, LocalMembers.activeVersion(b));
        // Once the silent member leaves, the first switch completes on the members that remain.
        silent.getLifecycleService().terminate();
        publishing.get(90, TimeUnit.SECONDS);
        assertEquals(v2.version(), LocalMembers.activeVersion(a));
        assertEquals(v2.version(), LocalMembers.activeVersion(b));
    }

    private ClusterRules rules(HazelcastInstance hz, RulesLifecycle lifecycle, SwitchTimeouts timeouts) {
        ClusterRules rules = new ClusterRules(hz, lifecycle, QUORUM, members.secret(), timeouts);
        members.closing(rules::close);
        return rules;
    }

    private static void assertNothingChanged(HazelcastInstance hz, String version, RulesLifecycle... lifecycles) {
        for (RulesLifecycle lifecycle : lifecycles) {
            assertEquals(
                    version, LocalMembers.activeVersion(lifecycle), "a member still decides with the previous version");
        }
        IMap<String, String> active = hz.getMap(ClusterSettings.ACTIVE_MAP);
        assertEquals(version, new JsonObject(active.get(ClusterRules.ACTIVE_KEY)).getString("version"));
        assertFalse(active.isLocked(ClusterRules.ACTIVE_KEY), "the failed switch released the cluster lock");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
