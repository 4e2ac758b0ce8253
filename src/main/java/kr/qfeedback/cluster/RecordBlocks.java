package kr.qfeedback.cluster;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Arrays;
import java.util.Map;
import kr.qfeedback.wire.DecisionRecordText;

/**
 * Decision records stored many to a map entry, a block. Decision ids are random, so records are
 * spread over {@value #BUCKETS} blocks per generation map by their id's hash ({@link #keyOf}): a
 * look-up knows its block from the id alone, and each flush of the record writer appends to every
 * block the records of that block it took, as one more chunk ({@link AddChunk}: one byte array of
 * records, a line each, {@code DecisionRecordText.Lines}). So a flush costs at most {@value #BUCKETS}
 * cluster operations whatever its size, an append copies no earlier record, and a look-up runs on
 * the member that holds the block and brings back only the record ({@link Find}).
 *
 * <p>Why blocks: a map entry per record left ~10 small objects per decision in the Java heap for a
 * day, and copying them out of the young generation made every collection pause 25–48 ms under
 * load — the decision endpoint's whole p99 (5.7 ms with records switched off, 2026-12-02). A block
 * is one array of chunks, a chunk one byte array of the records of one flush.
 */
final class RecordBlocks {
    /** Blocks per generation map. */
    static final int BUCKETS = 16;

    private static final String[] KEYS = new String[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            KEYS[i] = "bucket:" + i;
        }
    }

    private RecordBlocks() {}

    /** The key of the block that holds {@code decisionId}'s record (String's hash is the same on every JVM). */
    static String keyOf(String decisionId) {
        return KEYS[Math.floorMod(decisionId.hashCode(), BUCKETS)];
    }

    /**
     * The key under which members of earlier versions, whose ids were a counter, kept the record of
     * {@code decisionId}: the id without its last two characters.
     */
    static String earlierKeyOf(String decisionId) {
        return "block:" + decisionId.substring(0, Math.max(0, decisionId.length() - 2));
    }

    /**
     * Adds the records of one flush (whole lines) to a block as one chunk, creating the block if
     * needed; runs where the entry lives and, as its own backup processor, on the backup replica.
     */
    static final class AddChunk implements EntryProcessor<String, Object, Void> {
        private static final long serialVersionUID = 1L;
        private final byte[] lines;

        AddChunk(byte[] lines) {
            this.lines = lines;
        }

        @Override
        public Void process(Map.Entry<String, Object> entry) {
            if (entry.getValue() instanceof byte[][] chunks) {
                byte[][] more = Arrays.copyOf(chunks, chunks.length + 1);
                more[chunks.length] = lines;
                entry.setValue(more);
            } else {
                entry.setValue(new byte[][] {lines});
            }
            return null;
        }
    }

    /**
     * The record of one decision in a block (the first copy, should a retried append have added a
     * chunk twice), or null; with {@code withRequest}, followed by its request's line when it was
     * kept with one ({@code DecisionRecordText.findWithRequest}). Runs where the block lives, so
     * only the record (and the request, when asked for) travels.
     */
    static final class Find implements EntryProcessor<String, Object, byte[]>, ReadOnly {
        private static final long serialVersionUID = 1L;
        private final String decisionId;
        /** A member of an earlier version reads this as false and answers the record alone. */
        private final boolean withRequest;

        Find(String decisionId) {
            this(decisionId, false);
        }

        Find(String decisionId, boolean withRequest) {
            this.decisionId = decisionId;
            this.withRequest = withRequest;
        }

        @Override
        public byte[] process(Map.Entry<String, Object> entry) {
            Object stored = entry.getValue();
            if (stored instanceof byte[][] chunks) {
                for (byte[] chunk : chunks) {
                    byte[] record = withRequest
                            ? DecisionRecordText.findWithRequest(chunk, decisionId)
                            : DecisionRecordText.find(chunk, decisionId);
                    if (record != null) {
                        return record;
                    }
                }
            }
            return null;
        }

        @Override
        public EntryProcessor<String, Object, byte[]> getBackupProcessor() {
            return null;
        }
    }

    /** The keys of every block of a generation map. */
    static java.util.Set<String> keys() {
        return java.util.Set.of(KEYS);
    }

    /**
     * Drops from a block the chunks whose newest record was decided before {@code cutoff} (epoch
     * milliseconds), and the block when none is left: so a record and the request kept with it
     * leave memory once a day has passed, even while later chunks keep the entry alive. Runs where
     * the block lives and, as its own backup processor, on the backup (the cutoff is fixed by the
     * caller, so both drop the same chunks). Returns how many chunks it dropped.
     */
    static final class DropExpired implements EntryProcessor<String, Object, Integer> {
        private static final long serialVersionUID = 1L;
        private final long cutoff;

        DropExpired(long cutoff) {
            this.cutoff = cutoff;
        }

        @Override
        public Integer process(Map.Entry<String, Object> entry) {
            if (!(entry.getValue() instanceof byte[][] chunks)) {
                return 0;
            }
            byte[][] kept = Arrays.stream(chunks)
                    .filter(chunk -> DecisionRecordText.newestDecidedAt(chunk) >= cutoff)
                    .toArray(byte[][]::new);
            if (kept.length < chunks.length) {
                entry.setValue(kept.length == 0 ? null : kept);
            }
            return chunks.length - kept.length;
        }
    }

    /**
     * Appends records to a block of a member of an earlier version (one byte array, keyed by
     * {@link #earlierKeyOf}); kept so that such a member's writes still succeed on this one during
     * a rolling upgrade.
     */
    static final class Append implements EntryProcessor<String, Object, Void> {
        private static final long serialVersionUID = 1L;
        private final byte[] lines;

        Append(byte[] lines) {
            this.lines = lines;
        }

        @Override
        public Void process(Map.Entry<String, Object> entry) {
            Object stored = entry.getValue();
            if (stored instanceof byte[] block) {
                byte[] longer = Arrays.copyOf(block, block.length + lines.length);
                System.arraycopy(lines, 0, longer, block.length, lines.length);
                entry.setValue(longer);
            } else {
                entry.setValue(lines);
            }
            return null;
        }
    }
}
