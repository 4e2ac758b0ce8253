package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QF_TLS_CERT and QF_TLS_KEY: the real server answers HTTPS with the operator's PEM files, and a
 * missing or unreadable half stops the start naming the variable. The certificate is made here with
 * the JDK's own keytool, so the test needs nothing a fresh machine lacks.
 */
class HttpsServiceTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static TlsFiles tls;
    private static SSLContext trusting;

    @BeforeAll
    static void makeASelfSignedCertificateForLocalhost() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed: " + output);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, PASSWORD);
        }
        Certificate cert = keys.getCertificate("server");
        Key key = keys.getKey("server", PASSWORD);
        Path certFile = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
        Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        tls = TlsFiles.from(certFile.toString(), keyFile.toString());

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", cert);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void withACertificateAndKeyTheServerAnswersHttpsAndStillChecksTokens() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            FeedbackApi api = new FeedbackApi(
                    new ActiveRuleSet(),
                    TokenRegistry.parse(LiveServer.TOKENS),
                    new ServiceMetrics(),
                    Clock.systemUTC());
            int port = HttpService.start(vertx, api, 0, 2, tls)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(trusting)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

            HttpResponse<String> live = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health/live"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());
            assertTrue(live.sslSession().isPresent(), "the answer came over TLS");

            HttpResponse<String> anonymous = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/v1/feedback"))
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode(), anonymous.body());
            assertTrue(anonymous.body().contains("UNAUTHENTICATED"), anonymous.body());

            HttpClient plain = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            assertThrows(
                    IOException.class,
                    () -> plain.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/live"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()),
                    "plain HTTP on the HTTPS port gets no answer");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPemFileThatIsNotACertificateFailsTheStartInsteadOfServingPlainHttp() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
        Vertx vertx = Vertx.vertx();
        try {
            FeedbackApi api = new FeedbackApi(
                    new ActiveRuleSet(),
                    TokenRegistry.parse(LiveServer.TOKENS),
                    new ServiceMetrics(),
                    Clock.systemUTC());
            assertThrows(
                    Exception.class,
                    () -> HttpService.start(vertx, api, 0, 1, new TlsFiles(junk, tls.key()))
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(30, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyOneOfTheTwoVariablesOrAFileThatIsNotThereStopsTheStartNamingTheVariable() {
        assertEquals(null, TlsFiles.from(null, " "), "neither set: plain HTTP");
        IllegalArgumentException keyMissing = assertThrows(
                IllegalArgumentException.class, () -> TlsFiles.from(tls.cert().toString(), null));
        assertTrue(keyMissing.getMessage().startsWith("QF_TLS_KEY must be set too"), keyMissing.getMessage());
        IllegalArgumentException certMissing = assertThrows(
                IllegalArgumentException.class,
                () -> TlsFiles.from("", tls.key().toString()));
        assertTrue(certMissing.getMessage().startsWith("QF_TLS_CERT must be set too"), certMissing.getMessage());
        IllegalArgumentException absent = assertThrows(
                IllegalArgumentException.class,
                () -> TlsFiles.from(
                        dir.resolve("absent.pem").toString(), tls.key().toString()));
        assertTrue(absent.getMessage().startsWith("QF_TLS_CERT must name a readable PEM file"), absent.getMessage());
    }
}
