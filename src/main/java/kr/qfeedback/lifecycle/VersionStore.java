package kr.qfeedback.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Published rules versions under a data folder ({@code QF_DATA_DIR}): each version's files under
 * {@code versions/<id>/files/} with {@code versions/<id>/version.json}, plus which version is active.
 * A version is written to a temporary folder and moved into place in one step, so a crash never
 * leaves half a version; once stored it is never changed.
 */
public final class VersionStore {
    private static final Logger LOG = LoggerFactory.getLogger(VersionStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");
    private static final String VERSIONS = "versions";
    static final String FILES = "files";
    static final String VERSION_JSON = "version.json";
    private static final int IDS_NAMED_IN_ERRORS = 10;

    private final Path dataDir;
    private final Path versionsDir;
    private final ActivationRecord activations;
    private final Map<String, String> computedHashes = new ConcurrentHashMap<>();

    private VersionStore(Path dataDir) {
        this.dataDir = dataDir;
        this.versionsDir = dataDir.resolve(VERSIONS);
        this.activations = new ActivationRecord(dataDir);
    }

    /** Opens (creating when missing) the store in {@code dataDir}. */
    public static VersionStore open(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir must not be null");
        try {
            Files.createDirectories(dataDir.resolve(VERSIONS));
        } catch (IOException e) {
            throw new VersionStoreException(
                    "The data folder " + dataDir.toAbsolutePath() + " could not be created (" + e.getMessage()
                            + "). Set QF_DATA_DIR to a folder the service may write to.",
                    e);
        }
        if (!Files.isWritable(dataDir) || !Files.isWritable(dataDir.resolve(VERSIONS))) {
            throw new VersionStoreException("The data folder " + dataDir.toAbsolutePath()
                    + " is not writable. Set QF_DATA_DIR to a folder the service may write to.");
        }
        return new VersionStore(dataDir);
    }

    /** The data folder this store lives in. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Stores the files as version {@code files.version()}; when that version is already stored it is
     * left as it is and its first metadata is returned.
     */
    public StoredVersion store(RuleFiles files, String publishedBy, Instant at, String note) {
        Objects.requireNonNull(files, "files must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (publishedBy == null || publishedBy.isBlank()) {
            throw new IllegalArgumentException("A version needs the name of who publishes it; publishedBy was empty.");
        }
        String id = files.version();
        Optional<StoredVersion> existing = find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<StoredFile> listed = files.files().entrySet().stream()
                .map(e -> new StoredFile(e.getKey(), Sha256.hex(e.getValue()), e.getValue().length))
                .collect(Collectors.toList());
        StoredVersion version = new StoredVersion(id, files.fullHash(), at, publishedBy, note, listed);
        Path temp;
        try {
            temp = Files.createTempDirectory(versionsDir, ".tmp-" + id + "-");
        } catch (IOException e) {
            throw new VersionStoreException(
                    "Version " + id + " could not be stored: no temporary folder could be made in " + versionsDir + " ("
                            + e.getMessage() + "). Check free space and permissions of QF_DATA_DIR.",
                    e);
        }
        try {
            VersionFiles.writeInto(temp, versionsDir, files, version);
            return moveIntoPlace(temp, version);
        } finally {
            VersionFiles.discard(temp);
        }
    }

    /**
     * Re-reads a stored version's files, checking each against its recorded SHA-256.
     *
     * @throws UnknownVersionException when no such version is stored
     * @throws VersionStoreException naming the file when the stored files were altered
     */
    public RuleFiles load(String id) {
        StoredVersion version = require(id);
        Path filesDir = versionsDir.resolve(id).resolve(FILES);
        if (!Files.isDirectory(filesDir)) {
            throw altered(id, "its folder " + filesDir + " is missing");
        }
        RuleFiles files = RuleFiles.read(filesDir);
        Map<String, byte[]> actual = files.files();
        for (StoredFile expected : version.files()) {
            byte[] content = actual.get(expected.path());
            if (content == null) {
                throw altered(id, "the file " + expected.path() + " is missing");
            }
            String sha = Sha256.hex(content);
            if (!sha.equals(expected.sha256())) {
                throw altered(
                        id,
                        "the file " + expected.path() + " no longer matches its recorded SHA-256 (recorded "
                                + expected.sha256() + ", found " + sha + ")");
            }
        }
        TreeSet<String> extra = new TreeSet<>(actual.keySet());
        version.files().forEach(f -> extra.remove(f.path()));
        if (!extra.isEmpty()) {
            throw altered(id, "the file " + extra.first() + " was added after publication");
        }
        if (!files.version().equals(id)) {
            throw altered(id, "its files hash to version " + files.version());
        }
        if (version.fullHash() != null && !files.fullHash().equals(version.fullHash())) {
            throw altered(
                    id,
                    "its files hash to " + files.fullHash() + ", not to its recorded full hash " + version.fullHash());
        }
        return files;
    }

    /** The metadata of a stored version, or empty when there is none with that id. */
    public Optional<StoredVersion> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path dir = versionsDir.resolve(id);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path json = dir.resolve(VERSION_JSON);
        if (!Files.isRegularFile(json)) {
            throw new VersionStoreException("The folder " + dir + " has no " + VERSION_JSON
                    + ", so it is not a complete version. Restore it from a backup or move it out of " + versionsDir
                    + ".");
        }
        StoredVersion version;
        try {
            version = VersionJson.version(Json.parse(Files.readString(json, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new VersionStoreException(
                    "The metadata file " + json + " could not be read (" + e.getMessage()
                            + "). Restore it from a backup; the version cannot be used until then.",
                    e);
        }
        if (!version.id().equals(id)) {
            throw new VersionStoreException("The metadata file " + json + " names version " + version.id()
                    + " but lies in the folder of version " + id
                    + "; the store was altered. Restore it from a backup.");
        }
        return Optional.of(version.fullHash() == null ? withComputedHash(version) : version);
    }

    /**
     * A version stored before version.json recorded the full hash: the hash of its files, computed
     * once per process (a stored version never changes; {@link #load} still checks every file).
     */
    private StoredVersion withComputedHash(StoredVersion version) {
        String hash = computedHashes.computeIfAbsent(version.id(), id -> {
            Path filesDir = versionsDir.resolve(id).resolve(FILES);
            return Files.isDirectory(filesDir) ? RuleFiles.read(filesDir).fullHash() : null;
        });
        return version.withFullHash(hash);
    }

    /** Every stored version, newest first. */
    public List<StoredVersion> versions() {
        List<StoredVersion> versions = new ArrayList<>();
        for (String id : storedIds()) {
            find(id).ifPresent(versions::add);
        }
        versions.sort(
                Comparator.comparing(StoredVersion::publishedAt).reversed().thenComparing(StoredVersion::id));
        return versions;
    }

    /** The id of the active version, or empty before the first activation. */
    public Optional<String> activeVersion() {
        return activations.current().map(Activation::version);
    }

    /** The activation in force (which version, when, by whom, why), or empty before the first one. */
    public Optional<Activation> currentActivation() {
        return activations.current();
    }

    /**
     * Makes a stored version the active one and records why; survives restarts.
     *
     * @throws UnknownVersionException when no such version is stored
     */
    public Activation activate(String id, String by, Instant at, ActivationAction action) {
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(action, "action must not be null");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("An activation needs the name of who makes it; by was empty.");
        }
        require(id);
        return activations.record(new Activation(id, at, by, action));
    }

    /** Activates a stored version, recorded as PUBLISH the first time it is activated and ROLLBACK after that. */
    public Activation activate(String id, String by, Instant at) {
        return activate(id, by, at, wentLive(id) ? ActivationAction.ROLLBACK : ActivationAction.PUBLISH);
    }

    /** Whether version {@code id} was ever activated on this node (its activation history). */
    public boolean wentLive(String id) {
        return activations.history().stream().anyMatch(a -> a.version().equals(id));
    }

    /** Every activation so far, newest first. */
    public List<Activation> activations() {
        return activations.history();
    }

    private StoredVersion require(String id) {
        return find(id).orElseThrow(() -> {
            List<String> known = versions().stream()
                    .limit(IDS_NAMED_IN_ERRORS)
                    .map(StoredVersion::id)
                    .collect(Collectors.toList());
            return new UnknownVersionException(
                    id,
                    "No rules version '" + id + "' is stored in " + versionsDir + ". "
                            + (known.isEmpty()
                                    ? "No version has been published yet."
                                    : "Stored versions, newest first: " + String.join(", ", known) + "."));
        });
    }

    private List<String> storedIds() {
        try (Stream<Path> entries = Files.list(versionsDir)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> ID.matcher(name).matches())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new VersionStoreException(
                    "The versions folder " + versionsDir + " could not be listed (" + e.getMessage()
                            + "). Check its permissions.",
                    e);
        }
    }

    private StoredVersion moveIntoPlace(Path temp, StoredVersion version) {
        Path target = versionsDir.resolve(version.id());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return version;
        } catch (IOException e) {
            Optional<StoredVersion> winner = Files.isDirectory(target) ? find(version.id()) : Optional.empty();
            if (winner.isPresent()) {
                return winner.get();
            }
            throw new VersionStoreException(
                    "Version " + version.id() + " could not be moved into " + target + " ("
                            + e.getMessage() + "). Check that QF_DATA_DIR is on a file system that can rename folders"
                            + " atomically and that the service may write to it; nothing was stored.",
                    e);
        }
    }

    private VersionAlteredException altered(String id, String what) {
        return new VersionAlteredException("Stored version " + id + " was altered: " + what + " in "
                + versionsDir.resolve(id).resolve(FILES) + ". Restore the folder from a backup, or move it out of "
                + versionsDir
                + " and publish those rules again; until then the version cannot be loaded.");
    }
}
