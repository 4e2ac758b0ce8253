package kr.qfeedback.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the decision tables' workbooks on threads of their own while the compiler reads the other
 * rule files: opening one (POI) is the slowest read of a compilation in a fresh JVM (~0.9 s) and
 * needs nothing else. Each workbook is handed over once ({@link #take}); {@link #close} closes
 * those never taken.
 */
final class WorkbookOpener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbookOpener.class);

    /** A workbook, or (workbook null) why the file could not be opened as one. */
    record Opened(Workbook workbook, Exception failure) {}

    private final Map<String, CompletableFuture<Opened>> opening = new LinkedHashMap<>();
    private final java.util.Set<String> taken = new java.util.HashSet<>();
    private final RuleFiles files;
    private boolean closed;

    /** Starts opening {@code tables}, files of {@code files}. */
    WorkbookOpener(RuleFiles files, List<String> tables) {
        this.files = files;
        for (String table : tables) {
            byte[] content = files.files().get(table);
            opening.put(table, CompletableFuture.supplyAsync(() -> open(content), WorkbookOpener::onOwnThread));
        }
    }

    private static void onOwnThread(Runnable work) {
        Thread thread = new Thread(work, "rules-workbook");
        thread.setDaemon(true);
        thread.start();
    }

    private static Opened open(byte[] content) {
        try {
            WorkbookLimits.check(content);
            return new Opened(WorkbookFactory.create(new ByteArrayInputStream(content)), null);
        } catch (IOException | RuntimeException e) {
            return new Opened(null, e);
        }
    }

    /**
     * The workbook of {@code table} once it is open (the caller closes it), or why it could not be
     * opened; a table of {@code files} not being opened is opened now, on the caller's thread.
     */
    Opened take(String table) {
        CompletableFuture<Opened> future = opening.remove(table);
        if (future == null) {
            if (closed || !taken.add(table) || !files.files().containsKey(table)) {
                throw new IllegalArgumentException(
                        table + " is not a table of these files, was taken already, or the opener is closed");
            }
            return open(files.files().get(table));
        }
        taken.add(table);
        return await(future);
    }

    private static Opened await(CompletableFuture<Opened> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            // open() returns its failures; only an Error gets here, and it is not ours to handle.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Closes the workbooks never taken (a compilation that stopped early). */
    @Override
    public void close() {
        closed = true;
        for (Map.Entry<String, CompletableFuture<Opened>> left : opening.entrySet()) {
            Workbook workbook = await(left.getValue()).workbook();
            if (workbook != null) {
                try {
                    workbook.close();
                } catch (IOException e) {
                    LOG.warn(
                            "closing the workbook {}, read from memory and not used, failed: {}",
                            left.getKey(),
                            e.toString());
                }
            }
        }
        opening.clear();
    }
}
