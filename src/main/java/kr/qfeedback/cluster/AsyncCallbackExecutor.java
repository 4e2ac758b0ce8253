package kr.qfeedback.cluster;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor Hazelcast runs its internal future callbacks on. Hazelcast's default is the common
 * fork-join pool, except when that pool has a parallelism of 1 (any machine with 2 cores), where it
 * starts a <em>new thread for every callback</em>: each asynchronous decision record then cost a
 * thread start, which cut the decision endpoint's throughput to a fraction under load. On such a
 * machine this installs a small fixed pool of daemon threads instead, once per process.
 */
final class AsyncCallbackExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static volatile ExecutorService installed;

    private AsyncCallbackExecutor() {}

    /** Installs the fixed pool when Hazelcast would otherwise start a thread per callback (idempotent). */
    static synchronized void installWhereNeeded() {
        if (installed != null || ForkJoinPool.getCommonPoolParallelism() > 1) {
            return;
        }
        installed = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "qf-cluster-callback-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ConcurrencyUtil.setDefaultAsyncExecutor(installed);
    }
}
