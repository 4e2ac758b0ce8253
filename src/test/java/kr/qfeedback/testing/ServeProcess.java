package kr.qfeedback.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java … kr.qfeedback.Main serve} in a child JVM on the tests' class path, with the module
 * options Hazelcast needs, run in the project folder with its output merged: the one way tests start
 * a whole service as a process of its own.
 */
public final class ServeProcess {
    private ServeProcess() {}

    /** A builder for the child; {@code jvmOptions} come first (heap, GC), the caller adds the environment. */
    public static ProcessBuilder builder(String... jvmOptions) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "--add-modules",
                "java.se",
                "--add-exports",
                "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens",
                "java.management/sun.management=ALL-UNNAMED",
                "--add-opens",
                "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "-cp",
                classpath,
                "kr.qfeedback.Main",
                "serve"));
        return new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true);
    }

    /**
     * Waits for a start that is meant to fail and returns what it printed (its output file);
     * fails the test unless it ended within {@code seconds} with exit code 1, saying the service
     * did not start, without a stack trace.
     */
    public static String failedStart(Process serve, Path output, int seconds) throws InterruptedException {
        try {
            org.junit.jupiter.api.Assertions.assertTrue(
                    serve.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS), "serve did not end: it started");
        } finally {
            serve.destroyForcibly();
        }
        String printed = printed(output);
        org.junit.jupiter.api.Assertions.assertEquals(1, serve.exitValue(), printed);
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("The service did not start"), printed);
        org.junit.jupiter.api.Assertions.assertFalse(printed.contains("\tat "), () -> "no stack trace:\n" + printed);
        return printed;
    }

    /** What a process printed into {@code output} so far (UTF-8), or why it cannot be read. */
    public static String printed(Path output) {
        try {
            return java.nio.file.Files.readString(output, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }
}
