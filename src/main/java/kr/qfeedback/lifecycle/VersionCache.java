package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import kr.qfeedback.rules.CompileCache;
import kr.qfeedback.rules.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node made once per rules version and takes again at its next start instead of making it
 * anew: {@code QF_DATA_DIR/cache/<full version hash>/<entry>}, each entry sealed by
 * {@code <entry>.seal} (the version's full hash, the entry's name, the SHA-256 of its bytes and,
 * with {@code QF_AUDIT_KEY}, an HMAC of those three). An entry whose seal does not match its bytes,
 * its version or its name, that is signed when this node has no key or unsigned when it has one,
 * or that cannot be read, is refused with a warning naming the file and made again. The folder is
 * safe to delete at any time: it only makes the next start faster.
 */
public final class VersionCache implements CompileCache {
    /** The folder in {@code QF_DATA_DIR}. */
    public static final String FOLDER = "cache";

    static final String SEAL_SUFFIX = ".seal";
    private static final Logger LOG = LoggerFactory.getLogger(VersionCache.class);
    /**
     * The build of the service (the jar's Implementation-Version, a build time): what a version's
     * tables become and how they are checked may change with the code, so an entry made by another
     * build is made again. Running from classes (development, tests) it is "development".
     */
    static final String BUILD =
            Objects.requireNonNullElse(VersionCache.class.getPackage().getImplementationVersion(), "development");

    private final Path root;
    private final AuditKey key;
    private final LongAdder hits = new LongAdder();
    private final LongAdder refusals = new LongAdder();

    private VersionCache(Path root, AuditKey key) {
        this.root = root;
        this.key = key;
    }

    /** The cache in {@code dataDir}; {@code key} (may be null) signs and verifies its seals. */
    public static VersionCache in(Path dataDir, AuditKey key) {
        return new VersionCache(
                Objects.requireNonNull(dataDir, "dataDir must not be null").resolve(FOLDER), key);
    }

    /** The folder of one version's entries. */
    Path folderOf(String fullHash) {
        return root.resolve(fullHash);
    }

    @Override
    public Optional<byte[]> read(RuleFiles files, String entry) {
        Path file = folderOf(files.fullHash()).resolve(entry);
        Path seal = folderOf(files.fullHash()).resolve(entry + SEAL_SUFFIX);
        byte[] content;
        String sealText;
        try {
            content = Files.readAllBytes(file);
            sealText = Files.readString(seal);
        } catch (NoSuchFileException e) {
            if (Files.exists(file) || Files.exists(seal)) {
                return refuse(file, "its content or its seal is missing");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return refuse(file, "it cannot be read: " + e.getMessage());
        }
        String problem = problemWith(sealText, files.fullHash(), entry, content);
        if (problem != null) {
            return refuse(file, problem);
        }
        hits.increment();
        return Optional.of(content);
    }

    private String problemWith(String sealText, String fullHash, String entry, byte[] content) {
        JsonNode seal;
        try {
            seal = Json.parse(sealText);
        } catch (JsonProcessingException e) {
            return "its seal is not JSON";
        }
        if (seal == null || !fullHash.equals(seal.path("version").asText())) {
            return "its seal names another rules version";
        }
        if (!entry.equals(seal.path("entry").asText())) {
            return "its seal names another entry";
        }
        if (!BUILD.equals(seal.path("build").asText())) {
            return "another build of the service made it";
        }
        String sha = Sha256.hex(content);
        if (!same(sha, seal.path("sha256").asText())) {
            return "its SHA-256 does not match its seal (altered or cut off)";
        }
        boolean signed = seal.hasNonNull("hmac");
        if (key == null) {
            return signed ? "it is signed with an audit key and QF_AUDIT_KEY is not set here" : null;
        }
        if (!signed) {
            return "it is not signed and QF_AUDIT_KEY is set";
        }
        return same(
                        key.sign(signedText(fullHash, entry, sha)),
                        seal.path("hmac").asText())
                ? null
                : "its HMAC does not match (written with another key, or altered)";
    }

    @Override
    public void write(RuleFiles files, String entry, byte[] content) {
        Path folder = folderOf(files.fullHash());
        String sha = Sha256.hex(content);
        var seal = Json.object()
                .put("version", files.fullHash())
                .put("entry", entry)
                .put("build", BUILD)
                .put("sha256", sha);
        if (key != null) {
            seal.put("hmac", key.sign(signedText(files.fullHash(), entry, sha)));
        }
        try {
            Files.createDirectories(folder);
            // The content first, the seal last: a write cut short leaves a seal that does not match.
            DurableFiles.replace(folder.resolve(entry), content);
            DurableFiles.replace(folder.resolve(entry + SEAL_SUFFIX), Json.compact(seal));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "the cache file {} could not be written ({}); the next start makes it again",
                    folder.resolve(entry),
                    e.toString());
        }
    }

    /** Entries taken from the cache since this node started. */
    public long hits() {
        return hits.sum();
    }

    /** Entries refused (and made again) since this node started. */
    public long refusals() {
        return refusals.sum();
    }

    private Optional<byte[]> refuse(Path file, String why) {
        refusals.increment();
        LOG.warn("the cache file {} is not used: {}; it is made again", file, why);
        return Optional.empty();
    }

    private static String signedText(String fullHash, String entry, String sha) {
        return "qf-cache\n" + fullHash + "\n" + entry + "\n" + BUILD + "\n" + sha;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
