package kr.qfeedback.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code QF_CLUSTER_SECRET}: what makes a process a member of this cluster. Members derive from it
 * the Hazelcast cluster name (a process without it asks to join another cluster and is turned away)
 * and a signing key: every rules version, active entry and switch message a member writes carries an
 * HMAC-SHA256 under that key, and members act only on what verifies.
 *
 * <p>Accepted: at least 128 bits written as hex (32 or more hex digits, e.g. {@code openssl rand
 * -hex 32}) or base64 (22 or more characters, e.g. {@code openssl rand -base64 32}). The text itself,
 * as written, is the key material, so every member must be given exactly the same text. The secret
 * is never logged: {@link #toString()} does not show it.
 */
public final class ClusterSecret {
    static final String VARIABLE = "QF_CLUSTER_SECRET";
    private static final int MIN_BITS = 128;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");
    private static final String HMAC = "HmacSHA256";
    private static final int NAME_HEX_DIGITS = 32;

    private final String clusterName;
    private final SecretKeySpec signingKey;

    private ClusterSecret(byte[] secret) {
        this.clusterName = "q-feedback-"
                + HexFormat.of()
                        .formatHex(hmac(secret, "q-feedback cluster name"))
                        .substring(0, NAME_HEX_DIGITS);
        this.signingKey = new SecretKeySpec(hmac(secret, "q-feedback signing key"), HMAC);
    }

    /**
     * The secret the environment gives: {@code value} is {@code QF_CLUSTER_SECRET}; null when it is unset
     * and no members are configured (a cluster of one then makes up its own, see {@link #random()}).
     *
     * @throws IllegalArgumentException naming the variable when members are configured without a
     *     secret, or the secret is too short or neither hex nor base64
     */
    public static ClusterSecret fromEnvironment(String value, boolean membersConfigured) {
        if (value == null || value.isBlank()) {
            if (membersConfigured) {
                throw new IllegalArgumentException("QF_CLUSTER_MEMBERS is set, so " + VARIABLE + " is required:"
                        + " members derive the cluster's name from it and sign the rules versions they share."
                        + " Give every member the same random value, e.g. from `openssl rand -hex 32`.");
            }
            return null;
        }
        String text = value.strip();
        int bits;
        if (HEX.matcher(text).matches()) {
            bits = text.length() * 4;
        } else if (BASE64.matcher(text).matches()) {
            bits = text.replace("=", "").length() * 6;
        } else {
            throw new IllegalArgumentException(VARIABLE + " must be written as hex or base64 (e.g. from `openssl"
                    + " rand -hex 32`); the value given has other characters. It is not shown here.");
        }
        if (bits < MIN_BITS) {
            throw new IllegalArgumentException(VARIABLE + " is too short: it must carry at least " + MIN_BITS
                    + " bits (32 hex digits or 22 base64 characters), e.g. from `openssl rand -hex 32`;"
                    + " the value given has " + bits + ".");
        }
        return new ClusterSecret(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A secret no other process knows: a cluster of one that no one may join. */
    static ClusterSecret random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new ClusterSecret(secret);
    }

    /** The Hazelcast cluster name: {@code q-feedback-} and 32 hex digits derived from the secret. */
    String clusterName() {
        return clusterName;
    }

    /** The hex HMAC-SHA256, under the signing key, of {@code purpose} and {@code fields} (null as empty). */
    String sign(String purpose, String... fields) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(signingKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            for (String field : fields) {
                mac.update((byte) 0);
                mac.update((field == null ? "" : field).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform but is unusable.", e);
        }
    }

    /** Whether {@code mac} is the signature of {@code purpose} and {@code fields} (compared in constant time). */
    boolean verifies(String mac, String purpose, String... fields) {
        return mac != null
                && MessageDigest.isEqual(
                        sign(purpose, fields).getBytes(StandardCharsets.US_ASCII),
                        mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform but is unusable.", e);
        }
    }

    @Override
    public String toString() {
        return "ClusterSecret[not shown]";
    }
}
