package kr.qfeedback.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a switch leader waits for the cluster lock, for every member's prepare and for every
 * member's swap; {@link #DEFAULT} is what the service uses.
 */
record SwitchTimeouts(Duration lock, Duration prepare, Duration switched) {
    static final SwitchTimeouts DEFAULT =
            new SwitchTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(10));

    SwitchTimeouts {
        Objects.requireNonNull(lock, "lock must not be null");
        Objects.requireNonNull(prepare, "prepare must not be null");
        Objects.requireNonNull(switched, "switched must not be null");
    }
}
