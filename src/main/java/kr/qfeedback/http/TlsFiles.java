package kr.qfeedback.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM certificate chain and private key the server answers HTTPS with ({@code QF_TLS_CERT},
 * {@code QF_TLS_KEY}). Both are named or neither; each must be a readable file.
 */
public record TlsFiles(Path cert, Path key) {

    public TlsFiles {
        Objects.requireNonNull(cert, "cert must not be null");
        Objects.requireNonNull(key, "key must not be null");
    }

    /** The pair from the two variables' values: null when both are unset or blank; a sentence naming the variable otherwise. */
    public static TlsFiles from(String certValue, String keyValue) {
        boolean cert = certValue != null && !certValue.isBlank();
        boolean key = keyValue != null && !keyValue.isBlank();
        if (!cert && !key) {
            return null;
        }
        if (!cert || !key) {
            throw new IllegalArgumentException(
                    (cert ? "QF_TLS_KEY" : "QF_TLS_CERT")
                            + " must be set too: HTTPS needs both the PEM certificate (QF_TLS_CERT) and its private key (QF_TLS_KEY).");
        }
        return new TlsFiles(readable("QF_TLS_CERT", certValue), readable("QF_TLS_KEY", keyValue));
    }

    private static Path readable(String variable, String value) {
        Path path = Path.of(value.strip());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException(
                    variable + " must name a readable PEM file; '" + value.strip() + "' is not one.");
        }
        return path;
    }
}
