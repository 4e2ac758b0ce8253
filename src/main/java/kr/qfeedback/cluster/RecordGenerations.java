package kr.qfeedback.cluster;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The maps that hold decision records, in generations per member. A member writes its records
 * into its current generation, {@code qf-decisions.<member>.<n>}; once that holds
 * {@code generationSize} records it starts generation n + 1 and destroys n - 1, so it keeps
 * between one and two generations of its latest records: at most
 * {@link ClusterSettings#DECISIONS_PER_MEMBER} with a generation of half that. Each record also
 * expires after {@link ClusterSettings#DECISION_TTL_SECONDS}.
 *
 * <p>Why not a bounded map: Hazelcast evicts a full map one entry per put, sampling entries each
 * time, and under load that sampling took about a fifth of all CPU (async-profiler, 2026-12-01);
 * dropping a whole generation costs one operation. Look-ups, which are rare (author role), read
 * every generation in the cluster, this member's first.
 *
 * <p>{@link #forBatch} is called from one thread (the record writer); {@link #all} from any.
 */
final class RecordGenerations {
    static final String PREFIX = ClusterSettings.DECISIONS_MAP + ".";

    private final HazelcastInstance hz;
    private final String member;
    private final int generationSize;
    private long number;
    private int written;
    private volatile IMap<String, Object> current;
    private volatile IMap<String, Object> previous;

    RecordGenerations(HazelcastInstance hz, String member, int generationSize) {
        if (generationSize < 1) {
            throw new IllegalArgumentException("generationSize must be at least 1, not " + generationSize);
        }
        this.hz = hz;
        this.member = member;
        this.generationSize = generationSize;
        this.current = hz.getMap(name(0));
    }

    /** This member's generations, named after its cluster member id. */
    static RecordGenerations of(HazelcastInstance hz) {
        return new RecordGenerations(
                hz, hz.getCluster().getLocalMember().getUuid().toString(), ClusterSettings.DECISIONS_PER_MEMBER / 2);
    }

    private String name(long generation) {
        return PREFIX + member + "." + generation;
    }

    /**
     * The map to write a batch of {@code size} records into: the current generation, or the next one
     * when the batch would overfill it (the generation before the previous one is then destroyed).
     */
    IMap<String, Object> forBatch(int size) {
        if (written > 0 && written + size > generationSize) {
            IMap<String, Object> dropped = previous;
            previous = current;
            current = hz.getMap(name(++number));
            written = 0;
            if (dropped != null) {
                dropped.destroy();
            }
        }
        written += size;
        return current;
    }

    /** This member's generations: its current one and, once it has one, its previous. */
    List<IMap<String, Object>> own() {
        IMap<String, Object> older = previous;
        return older == null ? List.of(current) : List.of(current, older);
    }

    /** Every generation in the cluster: this member's current and previous first, then the others'. */
    List<IMap<String, Object>> all() {
        IMap<String, Object> newest = current;
        IMap<String, Object> older = previous;
        List<IMap<String, Object>> maps = new ArrayList<>();
        maps.add(newest);
        if (older != null) {
            maps.add(older);
        }
        for (DistributedObject object : hz.getDistributedObjects()) {
            String name = object.getName();
            if (object instanceof IMap<?, ?>
                    && name.startsWith(PREFIX)
                    && !name.equals(newest.getName())
                    && (older == null || !name.equals(older.getName()))) {
                maps.add(hz.getMap(name));
            }
        }
        return maps;
    }
}
