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
 * and who is in the cluster to answer them. Each goes out as {@code {"body": "<the message>", "mac":
 * "<its signature>"}}; a message whose signature does not verify under the cluster secret is dropped
 * with a warning before anyone acts on it.
 */
final class SwitchTopic {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private static final String PURPOSE = "switch message";

    private final HazelcastInstance hz;
    private final ITopic<String> topic;
    private final ClusterSecret secret;
    private final Executor io;

    /** {@code io} sends the answers that must not hold up the thread that made them. */
    SwitchTopic(HazelcastInstance hz, ClusterSecret secret, Executor io) {
        this.hz = hz;
        this.topic = hz.getTopic(ClusterSettings.SWITCH_TOPIC);
        this.secret = secret;
        this.io = io;
    }

    /** Hands every message signed with the cluster secret to {@code onMessage}; drops the others. */
    void listen(Consumer<JsonObject> onMessage) {
        topic.addMessageListener(message -> {
            JsonObject body = verified(message.getMessageObject());
            if (body != null) {
                onMessage.accept(body);
            }
        });
    }

    /** Sends at once; a failure is thrown to the caller. */
    void send(JsonObject message) {
        topic.publish(signed(message));
    }

    /** The envelope of {@code message}: its text and the signature of that text. */
    String signed(JsonObject message) {
        String body = message.encode();
        return new JsonObject()
                .put("body", body)
                .put("mac", secret.sign(PURPOSE, body))
                .encode();
    }

    private JsonObject verified(String envelope) {
        String version = null;
        try {
            JsonObject outer = new JsonObject(envelope);
            if (outer.getValue("body") instanceof String body) {
                JsonObject message = new JsonObject(body);
                version = message.getValue("version") instanceof String v && v.matches("[0-9a-f]{12}") ? v : null;
                if (outer.getValue("mac") instanceof String mac && secret.verifies(mac, PURPOSE, body)) {
                    return message;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("a rules switch message is not JSON: {}", e.toString());
        }
        LOG.warn(
                "ignored a rules switch message{} that is not signed with this cluster's QF_CLUSTER_SECRET",
                version == null ? "" : " about version " + version);
        return null;
    }

    /** Sends from the io thread; a failure is logged (the leader then times out waiting for it). */
    void sendLater(JsonObject message) {
        io.execute(() -> {
            try {
                topic.publish(signed(message));
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
