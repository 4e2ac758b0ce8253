package kr.qfeedback.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch messages (PREPARE, ACK, SWITCHED, ABORT) on the topic {@value ClusterSettings#SWITCH_TOPIC},
 * and who is in the cluster to answer them.
 */
final class SwitchTopic {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private final HazelcastInstance hz;
    private final ITopic<String> topic;
    private final Executor io;

    /** {@code io} sends the answers that must not hold up the thread that made them. */
    SwitchTopic(HazelcastInstance hz, Executor io) {
        this.hz = hz;
        this.topic = hz.getTopic(ClusterSettings.SWITCH_TOPIC);
        this.io = io;
    }

    void listen(Consumer<String> onMessage) {
        topic.addMessageListener(message -> onMessage.accept(message.getMessageObject()));
    }

    /** Sends at once; a failure is thrown to the caller. */
    void send(JsonObject message) {
        topic.publish(message.encode());
    }

    /** Sends from the io thread; a failure is logged (the leader then times out waiting for it). */
    void sendLater(JsonObject message) {
        io.execute(() -> {
            try {
                topic.publish(message.encode());
            } catch (RuntimeException e) {
                LOG.warn(
                        "could not send {} for switch {}: {}",
                        message.getString("type"),
                        message.getString("switchId"),
                        e.toString());
            }
        });
    }

    String localId() {
        return hz.getCluster().getLocalMember().getUuid().toString();
    }

    Set<String> memberIds() {
        return hz.getCluster().getMembers().stream()
                .map(Member::getUuid)
                .map(UUID::toString)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
