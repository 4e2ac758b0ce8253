package kr.qfeedback.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;

/**
 * The switches this member takes part in right now, by switch id: the version it prepared for each
 * (compiled, waiting for the commit) and, for those it leads, what the members answered.
 */
final class SwitchesInFlight {
    /** A version compiled for a switch, not swapped in yet. */
    record Prepared(String id, RuleFiles files, RuleSet rules, long startedNanos) {}

    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final Map<String, PendingSwitch> led = new ConcurrentHashMap<>();

    void prepared(String switchId, Prepared version) {
        prepared.put(switchId, version);
    }

    boolean isPrepared(String switchId) {
        return prepared.containsKey(switchId);
    }

    /** The version prepared for the switch, no longer kept here; null when none was. */
    Prepared takePrepared(String switchId) {
        return prepared.remove(switchId);
    }

    void lead(String switchId, PendingSwitch pending) {
        led.put(switchId, pending);
    }

    /** The answers of a switch this member leads; null when it leads no such switch. */
    PendingSwitch led(String switchId) {
        return led.get(switchId);
    }

    /** The switch is over here: nothing of it is kept. */
    void end(String switchId) {
        led.remove(switchId);
        prepared.remove(switchId);
    }
}
