package kr.qfeedback.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers a test starts as processes of their own, and starts again on the same
 * port: below the kernel's ephemeral range, so that no outgoing connection takes one meanwhile as its
 * local end (the members connect to each other), which a port the OS hands out could be.
 */
public final class LoopbackPorts {
    private static final int FIRST = 10_000;

    private LoopbackPorts() {}

    /**
     * {@code n} ports: those the system property {@code property} lists (comma-separated, for a machine
     * where each person has ports of their own), else {@code n} free ones picked at random.
     */
    public static int[] of(String property, int n) throws IOException {
        String given = System.getProperty(property, "").strip();
        if (!given.isEmpty()) {
            int[] ports = Arrays.stream(given.split(","))
                    .mapToInt(p -> Integer.parseInt(p.strip()))
                    .toArray();
            if (ports.length != n) {
                throw new IllegalArgumentException(property + " must list " + n + " ports, not '" + given + "'");
            }
            return ports;
        }
        return free(n);
    }

    /** {@code n} ports free now, between {@value #FIRST} and the start of the ephemeral range. */
    public static int[] free(int n) throws IOException {
        int ephemeralLow = ephemeralRangeStart();
        int span = Math.max(1, ephemeralLow - FIRST - n);
        int candidate = FIRST + ThreadLocalRandom.current().nextInt(span);
        int[] ports = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0, tried = 0; i < n; tried++) {
                if (tried == span) {
                    throw new IOException("no " + n + " free loopback ports between " + FIRST + " and " + ephemeralLow);
                }
                int port = FIRST + (candidate - FIRST + tried) % span;
                try {
                    held.add(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
                    ports[i++] = port;
                } catch (IOException taken) {
                    // in use: the next one is tried
                }
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }

    /** The first port of the kernel's ephemeral range (Linux), or 32768 (its default) when unknown. */
    private static int ephemeralRangeStart() {
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            int start = Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
            return start > FIRST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
