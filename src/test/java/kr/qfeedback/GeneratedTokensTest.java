package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.testing.ServeProcess;
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
            while (!ServeProcess.printed(output).contains("helpdesk:") && System.nanoTime() < deadline) {
                assertTrue(serve.isAlive(), () -> "serve ended: " + ServeProcess.printed(output));
                Thread.sleep(100);
            }
            String printed = ServeProcess.printed(output);
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
        String printed = ServeProcess.failedStart(serve(notAFolder, output), output, 90);
        assertFalse(printed.contains(SHOWN), () -> "no tokens of a failed start:\n" + printed);
    }

    private static Process serve(Path data, Path output) throws IOException {
        ProcessBuilder serve = ServeProcess.builder("-Dfile.encoding=UTF-8").redirectOutput(output.toFile());
        serve.environment().keySet().removeIf(name -> name.startsWith("QF_"));
        serve.environment().put("QF_DATA_DIR", data.toString());
        serve.environment().put("QF_HTTP_PORT", "0");
        serve.environment().put("QF_WARMUP_DECISIONS", "0");
        return serve.start();
    }
}
