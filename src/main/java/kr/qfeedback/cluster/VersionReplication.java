package kr.qfeedback.cluster;

import com.hazelcast.map.IMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import kr.qfeedback.lifecycle.StoredVersion;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the versions map {@value ClusterSettings#VERSIONS_MAP} and this member's {@link VersionStore}
 * holding the same versions: copies the cluster's versions to disk and offers the disk's to the cluster.
 * Every record it writes is signed with the cluster secret; a record that is not (a process that got
 * into the cluster without the secret wrote it) is ignored with a warning before any file is written.
 */
final class VersionReplication {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private final IMap<String, byte[]> versions;
    private final VersionStore store;
    private final ClusterSecret secret;

    VersionReplication(IMap<String, byte[]> versions, VersionStore store, ClusterSecret secret) {
        this.versions = versions;
        this.store = store;
        this.secret = secret;
    }

    /** Copies {@code version} from the cluster to this member's disk unless it is there already. */
    void ensureStored(String version) {
        if (store.find(version).isPresent()) {
            return;
        }
        byte[] value = versions.get(version);
        if (value == null) {
            return; // the store's load then names the versions it knows
        }
        VersionCodec.Decoded decoded = signed(version, value);
        if (decoded == null) {
            return; // the store's load then says the version is not stored here
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory(store.dataDir(), ".incoming-");
            for (Map.Entry<String, byte[]> file : decoded.files().entrySet()) {
                Path target = temp.resolve(file.getKey()).normalize();
                if (!target.startsWith(temp) || target.equals(temp)) {
                    throw new IllegalStateException("version " + version + " names a file outside its folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            RuleFiles files = RuleFiles.read(temp);
            if (!files.fullHash().equals(decoded.fullHash())) {
                throw new IllegalStateException("the cluster's copy of version " + version + " hashes to "
                        + files.fullHash() + ", not to its signed full hash " + decoded.fullHash());
            }
            store.store(files, decoded.publishedBy(), decoded.publishedAt(), decoded.note());
            LOG.info("copied rules version {} from the cluster to this member's disk", version);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "version " + version + " could not be copied to " + store.dataDir() + ": " + e, e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** The record {@code value} of {@code version} when a member signed it; null (and a warning) otherwise. */
    private VersionCodec.Decoded signed(String version, byte[] value) {
        try {
            VersionCodec.Decoded decoded = VersionCodec.decode(value);
            if (decoded.signedBy(secret, version)) {
                return decoded;
            }
            LOG.warn(
                    "ignored the cluster's copy of rules version {}: it is not signed with this cluster's"
                            + " QF_CLUSTER_SECRET (a process without the secret wrote it)",
                    version);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignored the cluster's copy of rules version {}: {}", version, e.getMessage());
        }
        return null;
    }

    /** Writes a version stored on this member's disk into the cluster's versions map, signed. */
    void share(StoredVersion meta, RuleFiles stored) {
        versions.set(meta.id(), record(meta, stored));
    }

    private byte[] record(StoredVersion meta, RuleFiles stored) {
        return VersionCodec.encode(
                secret, stored.fullHash(), meta.publishedAt(), meta.publishedBy(), meta.note(), stored.files());
    }

    /** Every version the cluster holds that this member's disk lacks is copied to it. */
    void pullAll() {
        for (String id : versions.keySet()) {
            try {
                ensureStored(id);
            } catch (RuntimeException e) {
                LOG.warn("could not copy version {} from the cluster: {}", id, e.toString());
            }
        }
    }

    /**
     * Every version on this member's disk that the cluster lacks is offered to it (a full restart
     * recovers them). An unsigned record under a version's id stays until a switch to that version
     * shares it again.
     */
    void pushAll() {
        for (StoredVersion v : store.versions()) {
            try {
                if (!versions.containsKey(v.id())) {
                    versions.putIfAbsent(v.id(), record(v, store.load(v.id())));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not offer version {} to the cluster: {}", v.id(), e.toString());
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not remove {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.toString());
        }
    }
}
