package kr.qfeedback.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The leader's view of one switch: which members acknowledged the prepare and when each swapped. */
final class PendingSwitch {
    private final Set<String> expected;
    private final Map<String, String> acks = new HashMap<>();
    private final Map<String, Long> switched = new HashMap<>();

    PendingSwitch(Set<String> expected) {
        this.expected = Set.copyOf(expected);
    }

    synchronized void ack(String member, String error) {
        acks.put(member, error == null ? "" : error);
        notifyAll();
    }

    synchronized void switched(String member, long atMicros) {
        switched.put(member, atMicros);
        notifyAll();
    }

    /** Null when every member still in the cluster prepared; otherwise why not. */
    synchronized String awaitAcks(Duration timeout, Supplier<Set<String>> alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String error : acks.values()) {
                if (!error.isEmpty()) {
                    return error;
                }
            }
            Set<String> wanted = new HashSet<>(expected);
            wanted.retainAll(alive.get());
            if (acks.keySet().containsAll(wanted)) {
                return null;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                wanted.removeAll(acks.keySet());
                return "member(s) " + wanted + " did not prepare it within " + timeout.toSeconds() + " s";
            }
            try {
                wait(Math.min(100, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for the members to prepare";
            }
        }
    }

    /** The instants (µs) at which the members still in the cluster swapped, once all did or the time is up. */
    synchronized Map<String, Long> awaitSwitched(Duration timeout, Supplier<Set<String>> alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> wanted = new HashSet<>(expected);
            wanted.retainAll(alive.get());
            long left = deadline - System.nanoTime();
            if (switched.keySet().containsAll(wanted) || left <= 0) {
                return new HashMap<>(switched);
            }
            try {
                wait(Math.min(100, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HashMap<>(switched);
            }
        }
    }
}
