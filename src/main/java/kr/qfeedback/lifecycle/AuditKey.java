package kr.qfeedback.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs the audit chain ({@code QF_AUDIT_KEY}, kept outside {@code QF_DATA_DIR}): with
 * it, each entry's hash is an HMAC-SHA256 of the entry instead of a plain SHA-256, so a log
 * rewritten by someone without the key no longer verifies.
 */
public final class AuditKey {
    /** The variable that holds the key. */
    public static final String VARIABLE = "QF_AUDIT_KEY";

    static final int MIN_BITS = 128;

    private final SecretKeySpec key;

    private AuditKey(String text) {
        this.key = new SecretKeySpec(text.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The key in {@code QF_AUDIT_KEY}, or null when it is unset or blank.
     *
     * @throws IllegalArgumentException when the key carries fewer than {@value #MIN_BITS} bits
     */
    public static AuditKey fromEnvironment(Map<String, String> env) {
        String value = env.get(VARIABLE);
        return value == null || value.isBlank() ? null : of(value.strip());
    }

    static AuditKey of(String text) {
        if (bits(text) < MIN_BITS) {
            throw new IllegalArgumentException(VARIABLE + " carries about " + bits(text) + " bits; the audit key needs"
                    + " at least " + MIN_BITS + " (e.g. `openssl rand -hex 32`). Keep it outside QF_DATA_DIR.");
        }
        return new AuditKey(text);
    }

    /** The bits a key carries at most: 4 a character for hex digits, 6 for base64 characters, 6.5 otherwise. */
    private static int bits(String text) {
        double perChar = text.matches("[0-9a-fA-F]+") ? 4 : text.matches("[A-Za-z0-9+/=_-]+") ? 6 : 6.5;
        return (int) Math.floor(perChar * text.length());
    }

    /** Hex HMAC-SHA256 of a string's UTF-8 bytes. */
    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform but is unusable.", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
