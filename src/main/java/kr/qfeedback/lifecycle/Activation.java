package kr.qfeedback.lifecycle;

import java.time.Instant;
import java.util.Objects;

/** One time a version became active: which, when, by whom and why. */
public record Activation(String version, Instant at, String by, ActivationAction action) {
    public Activation {
        Objects.requireNonNull(version, "version must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(by, "by must not be null");
        Objects.requireNonNull(action, "action must not be null");
    }
}
