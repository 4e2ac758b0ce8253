package kr.qfeedback.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Arrays;
import java.util.Map;

/**
 * Decision records stored many to a map entry. The records of decisions whose ids differ only in
 * their last two characters share one entry, a block: a member draws its ids from one counter
 * (256 consecutive ids share all but the last two hex digits), so under load a block holds up to
 * 256 records written within milliseconds, and a look-up knows its block from the id alone.
 *
 * <p>Why blocks: a map entry per record left ~10 small objects per decision in the Java heap for a
 * day, and copying them out of the young generation made every collection pause 25–48 ms under
 * load — the decision endpoint's whole p99 (5.7 ms with records switched off, 2026-12-02). A block
 * is a handful of objects around one byte array of records, one per line
 * ({@code DecisionRecordText.Lines}).
 */
final class RecordBlocks {
    private static final String KEY_PREFIX = "block:";

    private RecordBlocks() {}

    /** The key of the block that holds {@code decisionId}'s record. */
    static String keyOf(String decisionId) {
        return KEY_PREFIX + decisionId.substring(0, Math.max(0, decisionId.length() - 2));
    }

    /**
     * Appends records (whole lines) to a block, creating it if needed; runs where the entry lives
     * and, as its own backup processor, on the backup replica.
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
