package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.util.List;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.AuditEntry;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** In a cluster a switch answers only once this member has written it to its audit log and store. */
class PublishAuditOrderTest {
    @RegisterExtension
    final LocalMembers members = new LocalMembers();

    @TempDir
    Path temp;

    @Test
    @Timeout(180)
    void everyPublishAnswersAfterItsAuditEntryAndActivationRecordAreWritten() throws Exception {
        HazelcastInstance hz = members.start(members.config(1, List.of()));
        LocalMembers.awaitQuorum(hz);
        RulesLifecycle lifecycle = LocalMembers.lifecycle(temp.resolve("data"));
        ClusterRules rules = new ClusterRules(hz, lifecycle, 1, members.secret());
        members.closing(rules::close);
        rules.join(() -> lifecycle.start(RuleFiles.read(LocalMembers.RULES), false));
        for (int i = 1; i <= 8; i++) {
            RuleFiles edited = LocalMembers.editedRules(temp.resolve("v" + i), "edit " + i);
            rules.activateEverywhere(
                    edited,
                    lifecycle.compile(edited),
                    "tester",
                    "publish " + i,
                    AuditAction.PUBLISH,
                    ActivationAction.PUBLISH);
            List<AuditEntry> entries = lifecycle.audit().entries();
            AuditEntry last = entries.get(entries.size() - 1);
            assertEquals(AuditAction.PUBLISH, last.action(), "publish " + i);
            assertEquals(edited.version(), last.to(), "publish " + i);
            assertEquals(edited.version(), lifecycle.store().activeVersion().orElseThrow(), "publish " + i);
        }
    }
}
