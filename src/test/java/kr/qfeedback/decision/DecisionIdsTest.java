package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {
    private final DecisionIds ids = new DecisionIds();

    @Test
    void everyIdIs128BitsOfHexInTheUuidLayout() {
        for (int i = 0; i < 2 * DecisionIds.IDS_PER_DRAW + 3; i++) {
            String id = ids.next();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        }
    }

    @Test
    void everyBitOfAnIdIsRandomSoNoIdTellsItsNeighbours() {
        int count = 40_000;
        int[] ones = new int[128];
        int[] sharedWithPrevious = new int[128];
        long[] previous = null;
        for (int i = 0; i < count; i++) {
            long[] bits = bits(ids.next());
            for (int b = 0; b < 128; b++) {
                long bit = (bits[b / 64] >>> (b % 64)) & 1;
                ones[b] += (int) bit;
                if (previous != null && ((previous[b / 64] >>> (b % 64)) & 1) == bit) {
                    sharedWithPrevious[b]++;
                }
            }
            previous = bits;
        }
        // A fair bit is one in 20 000 ± 100 (one standard deviation) of 40 000 ids; a counter or a fixed
        // prefix would put some bit at 0, 40 000 or far from half, and neighbours would share most bits.
        for (int b = 0; b < 128; b++) {
            assertTrue(Math.abs(ones[b] - count / 2) < 1_000, "bit " + b + " was one in " + ones[b] + " ids");
            assertTrue(
                    Math.abs(sharedWithPrevious[b] - count / 2) < 1_000,
                    "bit " + b + " equalled the previous id's in " + sharedWithPrevious[b] + " ids");
        }
    }

    @Test
    void idsDrawnOnManyThreadsAtOnceNeverRepeat() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> drawn = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                drawn.add(threads.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 50_000; i++) {
                        mine.add(ids.next());
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> f : drawn) {
                all.addAll(f.get());
            }
            assertEquals(200_000, all.size());
        } finally {
            threads.shutdownNow();
        }
    }

    private static long[] bits(String id) {
        String hex = id.replace("-", "");
        return new long[] {
            Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16)
        };
    }
}
