package kr.qfeedback.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of named parts, each with its name and length before it, so that no two lists of
 * parts share a digest input: the in-memory keys of what a compilation can take from an earlier
 * one (converted tables, built KieBases, evaluated outcomes).
 */
final class PartsDigest {
    private final MessageDigest sha;

    PartsDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform but is missing.", e);
        }
    }

    PartsDigest part(String name, byte[] bytes) {
        sha.update((name + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
        return this;
    }

    /** The digest of the parts so far, in hex. */
    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
