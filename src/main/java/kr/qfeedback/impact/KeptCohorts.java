package kr.qfeedback.impact;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real cohorts impact runs can decide: NDJSON files, one request a line (the batch's input),
 * kept in {@code QF_DATA_DIR/cohorts/} as {@code NAME.ndjson}. They hold personal data (birth
 * dates, scores), so each is deleted {@value #RETENTION_DAYS} days after it was kept, or at once on
 * request; {@link #sweep()} deletes what is due and runs before every listing and run and hourly.
 * Every cohort file is readable and writable by its owner (the service's user) only, {@code 0600},
 * from the moment it is created, where the file system has POSIX permissions; where it has none the
 * files keep the file system's own access rights and that is logged once. Only names and counts are
 * ever logged, never a line.
 */
public final class KeptCohorts {
    private static final Logger LOG = LoggerFactory.getLogger(KeptCohorts.class);
    /** How long a kept cohort stays: the same order as the decision records' 24 h, for files staff reuse for a month. */
    public static final int RETENTION_DAYS = 30;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String SUFFIX = ".ndjson";
    private static final String PARTIAL = ".part";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final AtomicBoolean NO_PERMISSIONS_LOGGED = new AtomicBoolean();

    private final Path dir;
    private final Clock clock;
    private final Duration retention;

    public KeptCohorts(Path dir, Clock clock) {
        this(dir, clock, Duration.ofDays(RETENTION_DAYS));
    }

    KeptCohorts(Path dir, Clock clock, Duration retention) {
        this.dir = dir;
        this.clock = clock;
        this.retention = retention;
    }

    /** One kept cohort: its name, size in bytes, when it was kept and when it will be deleted. */
    public record KeptCohort(String name, long bytes, Instant keptAt, Instant deleteAfter) {}

    /** Whether {@code name} can name a cohort: letters, digits, '.', '_' and '-', at most 64, not starting with a dot. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.endsWith(PARTIAL);
    }

    public Optional<Path> find(String name) {
        if (!validName(name)) {
            return Optional.empty();
        }
        sweep();
        Path file = dir.resolve(name + SUFFIX);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public List<KeptCohort> list() {
        sweep();
        List<KeptCohort> cohorts = new ArrayList<>();
        for (Path file : files()) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(SUFFIX)) {
                describe(file, fileName.substring(0, fileName.length() - SUFFIX.length()))
                        .ifPresent(cohorts::add);
            }
        }
        cohorts.sort(Comparator.comparing(KeptCohort::name));
        return cohorts;
    }

    /**
     * A new empty file in the cohorts folder, owner-only ({@code 0600}) where the file system allows,
     * to write an upload into (without replacing the file) before {@link #keep} names it.
     */
    public Path newPartial() {
        try {
            Files.createDirectories(dir);
            if (posix(dir)) {
                return Files.createTempFile(dir, "upload-", PARTIAL, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            return Files.createTempFile(dir, "upload-", PARTIAL);
        } catch (IOException e) {
            throw new UncheckedIOException("The cohorts folder " + dir + " cannot be written.", e);
        }
    }

    /**
     * Names a finished partial file {@code name}, replacing a cohort of that name; its retention starts
     * now. The file is made owner-only first (again), so a cohort never appears under its name with
     * wider access whatever wrote the partial file.
     */
    public KeptCohort keep(Path partial, String name) {
        requireName(name);
        Path file = dir.resolve(name + SUFFIX);
        try {
            ownerOnly(partial);
            Files.setLastModifiedTime(partial, FileTime.from(clock.instant()));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(partial);
            throw new UncheckedIOException("The cohort '" + name + "' could not be kept in " + dir + ".", e);
        }
        LOG.info("cohort {} kept ({} bytes; deleted after {} days)", name, size(file), retention.toDays());
        return describe(file, name).orElseThrow();
    }

    /**
     * Copies {@code source} in as {@code name} (the batch's {@code --keep-cohort}). The bytes go into
     * the owner-only partial file itself (a copy that replaced it would take the source's permissions).
     */
    public KeptCohort copyIn(Path source, String name) {
        requireName(name);
        Path partial = newPartial();
        try (OutputStream to = Files.newOutputStream(partial, StandardOpenOption.WRITE)) {
            Files.copy(source, to);
        } catch (IOException e) {
            discard(partial);
            throw new UncheckedIOException("The cohort '" + name + "' could not be copied into " + dir + ".", e);
        }
        return keep(partial, name);
    }

    /** Deletes a partial upload that will not be kept. */
    public void discard(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.warn("could not remove an unfinished cohort upload {}: {}", partial.getFileName(), e.getMessage());
        }
    }

    /** Deletes the cohort {@code name}; false when there is none. */
    public boolean delete(String name) {
        if (!validName(name)) {
            return false;
        }
        try {
            boolean deleted = Files.deleteIfExists(dir.resolve(name + SUFFIX));
            if (deleted) {
                LOG.info("cohort {} deleted on request", name);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("The cohort '" + name + "' could not be deleted.", e);
        }
    }

    /**
     * Deletes every cohort kept longer than the retention period (and uploads left unfinished for a
     * day) and makes the others owner-only where they are not yet; returns how many were deleted.
     */
    public int sweep() {
        Instant now = clock.instant();
        int deleted = 0;
        for (Path file : files()) {
            boolean partial = file.getFileName().toString().endsWith(PARTIAL);
            Duration limit = partial ? Duration.ofDays(1) : retention;
            try {
                Instant kept = Files.getLastModifiedTime(file).toInstant();
                if (!kept.plus(limit).isAfter(now)) {
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } else if (!partial) {
                    ownerOnly(file); // a cohort kept before cohorts were owner-only becomes so
                }
            } catch (IOException e) {
                LOG.warn("could not remove the expired cohort {}: {}", file.getFileName(), e.getMessage());
            }
        }
        if (deleted > 0) {
            LOG.info("deleted {} cohort file(s) kept longer than {} days", deleted, retention.toDays());
        }
        return deleted;
    }

    private Optional<KeptCohort> describe(Path file, String name) {
        try {
            Instant kept = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new KeptCohort(name, Files.size(file), kept, kept.plus(retention)));
        } catch (IOException e) {
            return Optional.empty(); // deleted meanwhile
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The cohorts folder " + dir + " cannot be read.", e);
        }
    }

    /** The lines of {@code file} (a last line without a newline counts), or -1 when it cannot be read. */
    public static long lines(Path file) {
        try (java.nio.channels.FileChannel channel =
                java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(1 << 20);
            long lines = 0;
            byte last = '\n';
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                int limit = buffer.limit();
                for (int i = 0; i < limit; i++) {
                    if (buffer.get(i) == '\n') {
                        lines++;
                    }
                }
                if (limit > 0) {
                    last = buffer.get(limit - 1);
                }
                buffer.clear();
            }
            return last == '\n' ? lines : lines + 1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether the file system of {@code dir} has POSIX permissions; logs once when it has not. */
    private static boolean posix(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return true;
        }
        noPermissions("it has no POSIX permissions");
        return false;
    }

    /** Restricts {@code file} to its owner (0600) where the file system allows it. */
    private static void ownerOnly(Path file) throws IOException {
        if (!posix(file.getParent())) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException | IOException e) {
            noPermissions("its permissions cannot be set (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void noPermissions(String why) {
        if (NO_PERMISSIONS_LOGGED.compareAndSet(false, true)) {
            LOG.warn(
                    "kept cohorts cannot be made readable by the service's user only: {}; they get the file"
                            + " system's own access rights, so restrict the cohorts folder itself",
                    why);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void requireName(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException(
                    "A cohort name is letters, digits, '.', '_' and '-' (at most 64), not '" + name + "'.");
        }
    }
}
