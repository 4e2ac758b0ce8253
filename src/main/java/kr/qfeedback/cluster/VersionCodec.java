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
 * class needs registering with Hazelcast): id, when, by whom, the note, and every file's path and bytes.
 */
final class VersionCodec {
    private static final int MAGIC = 0x51460001;

    record Decoded(String id, Instant publishedAt, String publishedBy, String note, Map<String, byte[]> files) {}

    private VersionCodec() {}

    static byte[] encode(String id, Instant publishedAt, String publishedBy, String note, Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            string(out, id);
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
                throw new IllegalArgumentException("not a rules version record");
            }
            String id = string(in);
            Instant at = Instant.parse(string(in));
            String by = string(in);
            String note = string(in);
            int count = in.readInt();
            Map<String, byte[]> files = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String path = string(in);
                byte[] content = new byte[in.readInt()];
                in.readFully(content);
                files.put(path, content);
            }
            return new Decoded(id, at, by, note, files);
        } catch (IOException e) {
            throw new IllegalArgumentException("a rules version record is truncated: " + e.getMessage(), e);
        }
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
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
