package kr.qfeedback.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form every lifecycle file records. */
final class Sha256 {
    /** The hash that stands for "nothing before": the first audit entry's {@code prevHash}. */
    static final String ZERO = "0".repeat(64);

    private Sha256() {}

    /** Hex SHA-256 of bytes. */
    static String hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform but is missing.", e);
        }
    }

    /** Hex SHA-256 of a string's UTF-8 bytes. */
    static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a string looks like a hex SHA-256. */
    static boolean isHash(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }
}
