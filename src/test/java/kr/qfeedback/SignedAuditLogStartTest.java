package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.lifecycle.AuditKey;
import kr.qfeedback.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node without QF_AUDIT_KEY on a data folder whose audit log is signed does not start: it could
 * not add a single entry to the log, so it would only fail later, at its first publish.
 */
class SignedAuditLogStartTest {
    private static final String KEY = "4f1c0e9a7b2d8e3f5a6b7c8d9e0f1a2b4f1c0e9a7b2d8e3f5a6b7c8d9e0f1a2b";

    @TempDir
    Path data;

    @Test
    @Timeout(240)
    void aNodeRestartedWithoutTheKeyDoesNotStartOnASignedLogAndSaysWhichVariableToSet() throws Exception {
        // A node that ran with the key: its start-up entry is signed, and its rules version is active.
        Process keyed = serve(Map.of(AuditKey.VARIABLE, KEY), data.resolve("first-start.txt"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(data.resolve("active.json")) && System.nanoTime() < deadline) {
                assertTrue(
                        keyed.isAlive(),
                        () -> "the first start ended: " + ServeProcess.printed(data.resolve("first-start.txt")));
                Thread.sleep(100);
            }
            assertTrue(Files.exists(data.resolve("active.json")), "the first start activated no version");
        } finally {
            keyed.destroy(); // SIGTERM: a graceful stop
            keyed.waitFor(60, TimeUnit.SECONDS);
            keyed.destroyForcibly();
        }
        Path log = data.resolve("audit.jsonl");
        String before = Files.readString(log);
        assertTrue(before.contains("\"signed\":true"), before);

        // The same rules again (nothing to activate, so nothing to write) but without the key.
        Path output = data.resolve("second-start.txt");
        String printed = ServeProcess.failedStart(serve(Map.of(), output), output, 60);
        assertTrue(printed.contains("Set QF_AUDIT_KEY"), printed);
        assertEquals(before, Files.readString(log), "the log is left as it was");
    }

    private Process serve(Map<String, String> extra, Path output) throws IOException {
        ProcessBuilder serve = ServeProcess.builder("-Dfile.encoding=UTF-8").redirectOutput(output.toFile());
        Map<String, String> env = serve.environment();
        env.keySet().removeIf(name -> name.startsWith("QF_"));
        env.put("QF_DATA_DIR", data.toString());
        env.put("QF_TOKENS", "decide:test-decide-token");
        env.put("QF_HTTP_PORT", "0");
        env.put("QF_WARMUP_DECISIONS", "0");
        env.putAll(extra);
        return serve.start();
    }
}
