package kr.qfeedback.decision;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Decision ids: 128 bits from a cryptographically strong generator, written as 32 lowercase hex
 * digits in the 8-4-4-4-12 layout of a UUID (36 characters, URL-safe). Every bit is random (there is
 * no version or variant field), so one id tells nothing about any other.
 *
 * <p>Decisions are made at ~170 000 a second in a batch, so each thread keeps the bits of
 * {@value #IDS_PER_DRAW} ids and draws the next ones at once: from the operating system's generator
 * ({@code /dev/urandom}, read without a lock, ~10 µs per draw), or where there is none from the
 * thread's own {@link SecureRandom} (a SHA-256 Hash_DRBG, slower: ~1–3 ms a draw until the JIT has
 * compiled it). A decision takes no lock and no system call.
 */
final class DecisionIds {
    static final int IDS_PER_DRAW = 256;
    private static final int BYTES = 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private static final InputStream SYSTEM = systemGenerator();
    private static final ThreadLocal<Source> SOURCES = ThreadLocal.withInitial(Source::new);

    String next() {
        return SOURCES.get().next();
    }

    private static InputStream systemGenerator() {
        try {
            return new FileInputStream("/dev/urandom");
        } catch (IOException e) {
            return null; // not a Linux-like system: each thread uses its own SecureRandom
        }
    }

    /** One thread's bits not yet used. */
    private static final class Source {
        private final byte[] bits = new byte[BYTES * IDS_PER_DRAW];
        private int used = bits.length;
        private SecureRandom own;

        String next() {
            if (used == bits.length) {
                draw();
                used = 0;
            }
            byte[] text = new byte[36];
            int at = 0;
            for (int i = 0; i < BYTES; i++) {
                if (i == 4 || i == 6 || i == 8 || i == 10) {
                    text[at++] = '-';
                }
                int b = bits[used + i];
                text[at++] = HEX[(b >> 4) & 0xF];
                text[at++] = HEX[b & 0xF];
            }
            used += BYTES;
            return new String(text, StandardCharsets.ISO_8859_1);
        }

        private void draw() {
            if (own == null && SYSTEM != null) {
                try {
                    for (int read = 0; read < bits.length; ) {
                        int n = SYSTEM.read(bits, read, bits.length - read);
                        if (n < 0) {
                            throw new IOException("/dev/urandom ended");
                        }
                        read += n;
                    }
                    return;
                } catch (IOException e) {
                    own = strongRandom(); // from now on this thread draws from its own generator
                }
            }
            if (own == null) {
                own = strongRandom();
            }
            own.nextBytes(bits);
        }

        private static SecureRandom strongRandom() {
            try {
                return SecureRandom.getInstance(
                        "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("This JVM offers no DRBG SecureRandom, which decision ids need.", e);
            }
        }
    }
}
