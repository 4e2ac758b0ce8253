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
}
