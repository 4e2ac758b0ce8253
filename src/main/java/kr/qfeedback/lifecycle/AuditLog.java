package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only audit trail at {@code <dataDir>/audit.jsonl}: one JSON entry per line, each
 * carrying the previous entry's hash so that editing, removing or reordering entries is detected by
 * {@link #verify()}. Removing or forging the <em>last</em> entries can only be detected against a
 * head hash kept elsewhere: record {@link #headHash()} outside the data folder and check with
 * {@link #verify(String)}. Appends are one forced write under a lock that other processes respect.
 */
public final class AuditLog {
    /** The log's file name inside the data folder. */
    public static final String FILE_NAME = "audit.jsonl";

    private static final int TAIL_CHUNK = 64 * 1024;

    private final Path file;
    private final AuditKey key;

    private AuditLog(Path file, AuditKey key) {
        this.file = file;
        this.key = key;
    }

    /** Opens (without creating the file) the audit log in {@code dataDir}, without an audit key. */
    public static AuditLog open(Path dataDir) {
        return open(dataDir, null);
    }

    /** Opens (without creating the file) the audit log in {@code dataDir}; {@code key} (may be null) signs new entries. */
    public static AuditLog open(Path dataDir, AuditKey key) {
        Objects.requireNonNull(dataDir, "dataDir must not be null");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new AuditLogException(
                    "The data folder " + dataDir.toAbsolutePath() + " could not be created (" + e.getMessage()
                            + "). Set QF_DATA_DIR to a folder the service may write to.",
                    e);
        }
        return new AuditLog(dataDir.resolve(FILE_NAME), key);
    }

    /** The log file. */
    /** The key that signs new entries, or null (the lifecycle's cache seals with it too). */
    AuditKey key() {
        return key;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends an entry; {@code action} is VALIDATE, PUBLISH, ROLLBACK or STARTUP.
     *
     * @throws IllegalArgumentException when the action is not one of those
     */
    public AuditEntry append(
            String who,
            Instant at,
            String action,
            String fromVersion,
            String toVersion,
            List<FileChange> diff,
            String note) {
        return append(
                who, at, Enums.parse(AuditAction.class, action, "audit action"), fromVersion, toVersion, diff, note);
    }

    /** Appends an entry chained to the last one and forces it to disk before returning it. */
    public AuditEntry append(
            String who,
            Instant at,
            AuditAction action,
            String fromVersion,
            String toVersion,
            List<FileChange> diff,
            String note) {
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(action, "action must not be null");
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs who acted (the token's name); who was empty.");
        }
        try {
            return LockedFile.exclusively(file, channel -> {
                JsonNode last = lastEntry(channel);
                if (key == null && last != null && AuditJson.isSigned(last)) {
                    throw new AuditLogException("The audit log " + file + " is signed with an audit key (its last"
                            + " entry is), so an entry without it would break the chain. Set " + AuditKey.VARIABLE
                            + " to the key the log was signed with and start again.");
                }
                long seq = last == null ? 1 : last.get("seq").longValue() + 1;
                String prevHash = last == null ? Sha256.ZERO : last.get("hash").textValue();
                boolean signed = key != null;
                ObjectNode content = AuditJson.toJson(new AuditEntry(
                        seq, at, who, action, fromVersion, toVersion, note, diff, prevHash, null, signed));
                String hash = signed ? AuditJson.hashOf(content, key) : AuditJson.hashOf(content);
                AuditEntry entry = new AuditEntry(
                        seq, at, who, action, fromVersion, toVersion, note, diff, prevHash, hash, signed);
                LockedFile.append(channel, Json.compact(AuditJson.toJson(entry)) + "\n");
                return entry;
            });
        } catch (IOException e) {
            throw new AuditLogException(
                    "The audit entry could not be written to " + file + " (" + e.getMessage()
                            + "). Check free space and permissions of QF_DATA_DIR, then try again.",
                    e);
        }
    }

    /**
     * At start-up. With an audit key, on a log whose last entry is not signed (the key is new):
     * appends an entry saying so, signed, so that from now on the log ends in a signed entry.
     * Without a key, on a log whose last entry is signed: refuses at once, as every later entry
     * would be refused, so that a node never starts and then fails its first publish. Otherwise
     * does nothing.
     *
     * @throws AuditLogException when the log is signed and there is no key, or cannot be read
     */
    public void startSigning(Instant at) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode last = LockedFile.shared(file, this::lastEntry);
            if (key == null) {
                if (last != null && AuditJson.isSigned(last)) {
                    throw new AuditLogException("The audit log " + file + " is signed with an audit key (its last"
                            + " entry is), and " + AuditKey.VARIABLE + " is not set: this node could not add"
                            + " a single entry to it. Set " + AuditKey.VARIABLE
                            + " to the key the log was signed with and start again.");
                }
                return;
            }
            if (last != null && !AuditJson.isSigned(last)) {
                append("system", at, AuditAction.SIGNING, null, null, List.of(), "이 항목부터 감사 키(QF_AUDIT_KEY)로 서명");
            }
        } catch (IOException e) {
            throw new AuditLogException(
                    "The audit log " + file + " could not be read (" + e.getMessage() + "). Check its permissions.", e);
        }
    }

    /** Every entry, oldest first, as written (use {@link #verify()} to know whether they are intact). */
    public List<AuditEntry> entries() {
        String content = readAll();
        List<AuditEntry> entries = new ArrayList<>();
        String[] lines = content.isEmpty() ? new String[0] : content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                continue;
            }
            try {
                entries.add(AuditJson.fromJson(Json.parse(lines[i])));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new AuditLogException(
                        "Line " + (i + 1) + " of the audit log " + file + " cannot be read (" + e.getMessage()
                                + "). Run the audit check to see whether the log was altered.",
                        e);
            }
        }
        return entries;
    }

    /** The last entry's hash (64 zeros when the log is empty); keep it outside the data folder for {@link #verify(String)}. */
    public String headHash() {
        if (!Files.exists(file)) {
            return Sha256.ZERO;
        }
        try {
            JsonNode last = LockedFile.shared(file, this::lastEntry);
            return last == null ? Sha256.ZERO : last.get("hash").textValue();
        } catch (IOException e) {
            throw new AuditLogException(
                    "The audit log " + file + " could not be read (" + e.getMessage() + "). Check its permissions.", e);
        }
    }

    /** Checks the whole chain; a missing log is intact with 0 entries. */
    public AuditVerification verify() {
        return verify(null);
    }

    /**
     * Checks the whole chain (signed entries with the audit key) and that it contains an entry whose
     * hash is {@code expectedHeadHash}, a head exported earlier (null = do not check a head).
     */
    public AuditVerification verify(String expectedHeadHash) {
        return AuditChainVerifier.verify(readAll(), key, expectedHeadHash);
    }

    private String readAll() {
        if (!Files.exists(file)) {
            return "";
        }
        try {
            return LockedFile.shared(file, LockedFile::readAll);
        } catch (IOException e) {
            throw new AuditLogException(
                    "The audit log " + file + " could not be read (" + e.getMessage() + "). Check its permissions.", e);
        }
    }

    /** The last entry, read from the end of the file, or null when the log is empty. */
    private JsonNode lastEntry(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return null;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        if (one.get(0) != '\n') {
            throw cannotChain(
                    "its last line does not end with a newline, so the last write was cut off or the log was truncated",
                    null);
        }
        long end = size - 1;
        long start = lineStart(channel, end);
        ByteBuffer line = ByteBuffer.allocate((int) (end - start));
        readFully(channel, line, start);
        JsonNode node;
        try {
            node = Json.parse(new String(line.array(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw cannotChain("its last line is not valid JSON", e);
        }
        if (node == null
                || !node.path("seq").isIntegralNumber()
                || !Sha256.isHash(node.path("hash").textValue())) {
            throw cannotChain("its last line lacks a whole-number seq or a hash", null);
        }
        return node;
    }

    private static long lineStart(FileChannel channel, long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
        long pos = end;
        while (pos > 0) {
            long from = Math.max(0, pos - TAIL_CHUNK);
            chunk.clear();
            chunk.limit((int) (pos - from));
            readFully(channel, chunk, from);
            for (int i = chunk.limit() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            pos = from;
        }
        return 0;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file ended before position " + (position + buffer.limit()));
            }
            at += read;
        }
    }

    private AuditLogException cannotChain(String why, Throwable cause) {
        return new AuditLogException(
                "The last entry of the audit log " + file + " cannot be read, so nothing can be"
                        + " chained to it: " + why
                        + ". Run the audit check to find the damage and restore the log from a backup"
                        + " before publishing again.",
                cause);
    }
}
