package kr.qfeedback.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleFiles;

/**
 * Requested publishes waiting for a second person, under {@code <dataDir>/pending/<id>/}: the
 * candidate's files as a version stores them ({@code files/}, {@code version.json}) and
 * {@code request.json} (who asked, when, the note, the validation report, the impact summary, and
 * once decided who decided, when and why). A request is written into a temporary folder and moved
 * into place in one step; a decision replaces {@code request.json} in one step.
 */
public final class PendingPublishes {
    static final String FOLDER = "pending";
    private static final String REQUEST_JSON = "request.json";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    private PendingPublishes(Path dir) {
        this.dir = dir;
    }

    /** The requests folder in {@code dataDir}, made when the first request is stored. */
    public static PendingPublishes open(Path dataDir) {
        return new PendingPublishes(
                Objects.requireNonNull(dataDir, "dataDir must not be null").resolve(FOLDER));
    }

    /**
     * Stores a new request to publish {@code files} over {@code base}, durably, and returns it with
     * its fresh id; {@code report} and {@code impact} are JSON text.
     */
    PendingRequest create(
            RuleFiles files, String base, String author, Instant at, String note, String report, String impact) {
        String id = HexFormat.of().formatHex(randomBytes());
        PendingRequest request = new PendingRequest(
                id, PendingState.PENDING, files.version(), base, author, at, note, null, null, null, report, impact);
        Path temp;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempDirectory(dir, ".tmp-" + id + "-");
        } catch (IOException e) {
            throw cannotWrite(id, e);
        }
        try {
            StoredVersion version = new StoredVersion(
                    files.version(),
                    files.fullHash(),
                    request.requestedAt(),
                    request.author(),
                    request.note(),
                    files.files().entrySet().stream()
                            .map(f -> new StoredFile(f.getKey(), Sha256.hex(f.getValue()), f.getValue().length))
                            .toList());
            VersionFiles.writeInto(temp, dir, files, version);
            DurableFiles.write(temp.resolve(REQUEST_JSON), bytes(request));
            Files.move(temp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            return request;
        } catch (IOException e) {
            throw cannotWrite(id, e);
        } finally {
            VersionFiles.discard(temp);
        }
    }

    /** Records a decision: {@code request.json} is replaced in one step. */
    PendingRequest update(PendingRequest decided) {
        try {
            DurableFiles.replace(
                    dir.resolve(decided.id()).resolve(REQUEST_JSON), Json.pretty(PendingJson.toJson(decided)));
            return decided;
        } catch (IOException e) {
            throw cannotWrite(decided.id(), e);
        }
    }

    /** The request with this id, or empty when there is none (an id of another shape never matches). */
    public Optional<PendingRequest> find(String id) {
        if (id == null || !ID.matcher(id).matches() || !Files.isDirectory(dir.resolve(id))) {
            return Optional.empty();
        }
        Path json = dir.resolve(id).resolve(REQUEST_JSON);
        try {
            PendingRequest request = PendingJson.fromJson(Json.parse(Files.readString(json, StandardCharsets.UTF_8)));
            if (!request.id().equals(id)) {
                throw new IllegalArgumentException("it names request " + request.id());
            }
            return Optional.of(request);
        } catch (IOException | IllegalArgumentException e) {
            throw new VersionStoreException(
                    "The requested publish " + json + " could not be read (" + e.getMessage()
                            + "). Restore it from a backup or move its folder out of " + dir + ".",
                    e);
        }
    }

    /** Every request, newest first. */
    public List<PendingRequest> list() {
        List<PendingRequest> requests = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return requests;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                find(p.getFileName().toString()).ifPresent(requests::add);
            }
        } catch (IOException e) {
            throw new VersionStoreException(
                    "The folder " + dir + " could not be listed (" + e.getMessage() + "). Check its permissions.", e);
        }
        requests.sort(
                Comparator.comparing(PendingRequest::requestedAt).reversed().thenComparing(PendingRequest::id));
        return requests;
    }

    /** The request's files, checked to be exactly the version it asked to publish. */
    RuleFiles files(PendingRequest request) {
        RuleFiles files = RuleFiles.read(dir.resolve(request.id()).resolve(VersionStore.FILES));
        if (!files.version().equals(request.version())) {
            throw new VersionAlteredException("The files of requested publish " + request.id() + " in "
                    + dir.resolve(request.id()) + " hash to version " + files.version() + ", not "
                    + request.version() + ": they were altered after the request. Return it and publish again.");
        }
        return files;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(PendingRequest request) {
        return Json.pretty(PendingJson.toJson(request)).getBytes(StandardCharsets.UTF_8);
    }

    private VersionStoreException cannotWrite(String id, IOException e) {
        return new VersionStoreException(
                "The requested publish " + id + " could not be written to " + dir + " (" + e.getMessage()
                        + "). Check free space and permissions of QF_DATA_DIR; nothing was changed.",
                e);
    }
}
