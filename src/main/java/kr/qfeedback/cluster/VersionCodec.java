package kr.qfeedback.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A published version as the cluster keeps it (one {@code byte[]} value of the versions map, so no
 * class needs registering with Hazelcast): id, full hash, the signature, when, by whom, the note, and
 * every file's path and bytes. The signature ({@link ClusterSecret}) covers the full hash and the
 * metadata; whoever copies the files checks that they hash to the full hash.
 */
final class VersionCodec {
    /** Version 2 of the format: with the full hash and the signature. Version 1 records are not read. */
    private static final int MAGIC = 0x51460002;

    private static final String PURPOSE = "rules version";

    record Decoded(
            String id,
            String fullHash,
            String mac,
            Instant publishedAt,
            String publishedBy,
            String note,
            Map<String, byte[]> files) {
        /** Whether a member holding {@code secret} wrote this record for the version {@code id}. */
        boolean signedBy(ClusterSecret secret, String expectedId) {
            return expectedId.equals(id)
                    && fullHash != null
                    && fullHash.startsWith(id)
                    && secret.verifies(mac, PURPOSE, id, fullHash, publishedAt.toString(), publishedBy, note);
        }
    }

    private VersionCodec() {}

    static byte[] encode(
            ClusterSecret secret,
            String fullHash,
            Instant publishedAt,
            String publishedBy,
            String note,
            Map<String, byte[]> files) {
        String id = fullHash.substring(0, 12);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            string(out, id);
            string(out, fullHash);
            string(out, secret.sign(PURPOSE, id, fullHash, publishedAt.toString(), publishedBy, note));
            string(out, publishedAt.toString());
            string(out, publishedBy);
            string(out, note);
            out.writeInt(files.size());
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                string(out, file.getKey());
                out.writeInt(file.getValue().length);
                out.write(file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Decoded decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("its format marker is not that of a signed rules version");
            }
            String id = string(in);
            String fullHash = string(in);
            String mac = string(in);
            Instant at = Instant.parse(string(in));
            String by = string(in);
            String note = string(in);
            int count = in.readInt();
            Map<String, byte[]> files = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String path = string(in);
                byte[] content = new byte[length(in)];
                in.readFully(content);
                files.put(path, content);
            }
            return new Decoded(id, fullHash, mac, at, by, note, files);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable rules version record (" + e.getMessage() + ")", e);
        }
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a length beyond the record's end");
        }
        return length;
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IOException("a length beyond the record's end");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
