package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node started without QF_TOKENS shows the tokens it generated once it listens, so that an
 * operator never copies tokens of a start that then failed; the tokens it shows are the ones it
 * accepts.
 */
class GeneratedTokensTest {
    private static final String SHOWN = "generated tokens for this run";

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void generatedTokensAreShownAfterTheServiceListensAndAreTheOnesItAccepts() throws Exception {
        Path output = dir.resolve("serve.txt");
        Process serve = serve(dir.resolve("data"), output);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!read(output).contains("helpdesk:") && System.nanoTime() < deadline) {
                assertTrue(serve.isAlive(), () -> "serve ended: " + read(output));
                Thread.sleep(100);
            }
            String printed = read(output);
            assertTrue(printed.contains(SHOWN), printed);
            int listening = printed.indexOf("listening on port");
            assertTrue(
                    listening >= 0 && listening < printed.indexOf(SHOWN), () -> "shown after listening:\n" + printed);

            Matcher port = Pattern.compile("listening on port (\\d+)").matcher(printed);
            Matcher token = Pattern.compile("(?m)^  decide:(\\S+)$").matcher(printed);
            assertTrue(port.find() && token.find(), printed);
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/v1/feedback"))
                                    .header("Authorization", "Bearer " + token.group(1))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    400,
                    answer.statusCode(),
                    "the shown token is accepted (then the empty request refused): " + answer.body());
        } finally {
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }

    @Test
    @Timeout(120)
    void aStartThatFailsShowsNoGeneratedTokens() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("data-is-a-file"), "not a folder");
        Path output = dir.resolve("failed.txt");
        Process serve = serve(notAFolder, output);
        try {
            assertTrue(serve.waitFor(90, TimeUnit.SECONDS), "serve did not end on a data folder that is a file");
        } finally {
            serve.destroyForcibly();
        }
        String printed = read(output);
        assertEquals(1, serve.exitValue(), printed);
        assertTrue(printed.contains("The service did not start"), printed);
        assertFalse(printed.contains(SHOWN), () -> "no tokens of a failed start:\n" + printed);
    }

    private static Process serve(Path data, Path output) throws IOException {
        ProcessBuilder serve = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dfile.encoding=UTF-8",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "kr.qfeedback.Main",
                        "serve"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        serve.environment().keySet().removeIf(name -> name.startsWith("QF_"));
        serve.environment().put("QF_DATA_DIR", data.toString());
        serve.environment().put("QF_HTTP_PORT", "0");
        serve.environment().put("QF_WARMUP_DECISIONS", "0");
        return serve.start();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
