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
 */
final class VersionReplication {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private final IMap<String, byte[]> versions;
    private final VersionStore store;

    VersionReplication(IMap<String, byte[]> versions, VersionStore store) {
        this.versions = versions;
        this.store = store;
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
        VersionCodec.Decoded decoded = VersionCodec.decode(value);
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
            if (!files.version().equals(version)) {
                throw new IllegalStateException(
                        "the cluster's copy of version " + version + " hashes to " + files.version());
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

    /** Writes a version stored on this member's disk into the cluster's versions map. */
    void share(StoredVersion meta, RuleFiles stored) {
        versions.set(
                meta.id(),
                VersionCodec.encode(meta.id(), meta.publishedAt(), meta.publishedBy(), meta.note(), stored.files()));
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

    /** Every version on this member's disk that the cluster lacks is offered to it (a full restart recovers them). */
    void pushAll() {
        for (StoredVersion v : store.versions()) {
            try {
                if (!versions.containsKey(v.id())) {
                    versions.putIfAbsent(
                            v.id(),
                            VersionCodec.encode(
                                    v.id(),
                                    v.publishedAt(),
                                    v.publishedBy(),
                                    v.note(),
                                    store.load(v.id()).files()));
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
