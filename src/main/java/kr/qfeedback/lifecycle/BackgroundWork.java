package kr.qfeedback.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for the rules work that runs beside serving — validate, impact, publish, rollback and the
 * coverage analysis they run — at a lower scheduling priority (nice {@value #NICE}) than the
 * threads that answer decisions. On a busy node the requests keep their CPU and the rules work
 * takes longer instead; on an idle node it runs as fast as before. On Linux a thread lowers its own
 * priority with {@code renice} on its thread id; where that is not possible the work runs at
 * normal priority and this is logged once.
 */
public final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
    static final int NICE = 10;
    /**
     * Whether rules threads also take Linux's SCHED_IDLE policy ({@code -Dqf.rules.schedIdle=true},
     * default off): they then run only on CPU time no request thread wants. Serving keeps more of
     * its tail under a saturating load, and a publish then takes several times longer (see
     * docs/operations.md, "A publish on a result day").
     */
    static final boolean SCHED_IDLE = Boolean.getBoolean("qf.rules.schedIdle");

    private static final int THREADS = 4;
    /** Rules work accepted at most at once (running and waiting): more is refused, not queued without end. */
    public static final int CAPACITY = 16;

    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final ExecutorService EXECUTOR = executor();
    /** The coverage analysis's pool: its threads yield to the requests' like the rest of the rules work. */
    static final java.util.concurrent.ForkJoinPool ANALYSIS = new java.util.concurrent.ForkJoinPool(
            Runtime.getRuntime().availableProcessors(), forkJoinThreads("qf-coverage"), null, false);
    /** Work accepted and not yet finished (queued or running); guarded by its own monitor for {@link #awaitIdle}. */
    private static final Object IDLE = new Object();

    private static int unfinished;
    private static volatile boolean stopping;

    private BackgroundWork() {}

    private static ExecutorService executor() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads("qf-rules-work"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Runs {@code work} on a lower-priority thread; the stage fails with exactly what the work threw,
     * or with {@link StoppingException} when this node is stopping (the work then never starts).
     */
    public static <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (IDLE) {
            if (stopping) {
                result.completeExceptionally(
                        new StoppingException("This node is stopping and takes no new rules work."));
                return result;
            }
            if (unfinished >= CAPACITY) {
                result.completeExceptionally(
                        new RulesBusyException("Rules work is full (" + CAPACITY + " jobs running or waiting)."));
                return result;
            }
            unfinished++;
        }
        EXECUTOR.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) { // handed to the caller, who answers or logs it
                result.completeExceptionally(e);
            } finally {
                synchronized (IDLE) {
                    unfinished--;
                    IDLE.notifyAll();
                }
            }
        });
        return result;
    }

    /**
     * The node is stopping: from now on {@link #submit} refuses new work; what was accepted before
     * still runs. Returns how much work was accepted and has not finished.
     */
    public static int stopAccepting() {
        synchronized (IDLE) {
            stopping = true;
            return unfinished;
        }
    }

    /** Whether this node is stopping: long work (an impact run over a cohort) stops early instead of holding the stop up. */
    public static boolean stopping() {
        return stopping;
    }

    /** Work accepted and not yet finished (queued or running). */
    public static int unfinished() {
        synchronized (IDLE) {
            return unfinished;
        }
    }

    /** Waits up to {@code timeout} for every accepted piece of work to finish; returns how many are still unfinished. */
    public static int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (IDLE) {
            while (unfinished > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(IDLE, left);
            }
            return unfinished;
        }
    }

    /** Accepts work again (tests that stop it share the JVM with tests that use it). */
    static void resumeAccepting() {
        synchronized (IDLE) {
            stopping = false;
        }
    }

    /**
     * Daemon threads named {@code prefix-N} that lower their priority before their first task: for
     * rules work that runs outside this pool (a cluster member's prepare and catch-up).
     */
    public static ThreadFactory threads(String prefix) {
        return threads(prefix, SCHED_IDLE);
    }

    /**
     * Daemon threads named {@code prefix-N} for long work with no deadline beside serving (counting
     * a kept cohort's lines): lowered, and on Linux also SCHED_IDLE whatever {@code
     * qf.rules.schedIdle} says, as {@link #idleForkJoinThreads}.
     */
    public static ThreadFactory idleThreads(String prefix) {
        return threads(prefix, true);
    }

    /**
     * Daemon threads named {@code prefix-N} for a command's own long CPU work (the batch's workers):
     * lowered to nice {@value #NICE} as rules work is, never SCHED_IDLE. While the JIT's compiler
     * threads (at normal priority) have code to compile they then get the CPU first, so the workers'
     * code is compiled sooner and they run interpreted for less time; once it is compiled the
     * workers have the cores to themselves again. On a machine that also serves, the work yields to
     * the requests.
     */
    public static ThreadFactory loweredThreads(String prefix) {
        return threads(prefix, false);
    }

    private static ThreadFactory threads(String prefix, boolean idle) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(
                    () -> {
                        lowerCurrentThread(idle);
                        task.run();
                    },
                    prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Fork-join worker threads that lower their priority when they start. */
    public static ForkJoinPool.ForkJoinWorkerThreadFactory forkJoinThreads(String prefix) {
        return forkJoinThreads(prefix, SCHED_IDLE);
    }

    /**
     * Fork-join worker threads for long work that has no deadline while the node serves (an impact
     * run over a kept cohort): lowered, and on Linux also SCHED_IDLE whatever {@code
     * qf.rules.schedIdle} says, so they run only on CPU time no request thread wants. On an idle
     * node they run as fast as any other.
     */
    public static ForkJoinPool.ForkJoinWorkerThreadFactory idleForkJoinThreads(String prefix) {
        return forkJoinThreads(prefix, true);
    }

    private static ForkJoinPool.ForkJoinWorkerThreadFactory forkJoinThreads(String prefix, boolean idle) {
        AtomicInteger count = new AtomicInteger();
        return pool -> {
            ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
                @Override
                protected void onStart() {
                    super.onStart();
                    lowerCurrentThread(idle);
                }
            };
            thread.setName(prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Whether this thread now runs at nice {@value #NICE} (Linux: read back from /proc). */
    static boolean currentThreadLowered() {
        try {
            String[] stat = Files.readString(Path.of("/proc/thread-self/stat"))
                    .split("\\) ", 2)[1]
                    .split(" ");
            return Integer.parseInt(stat[16]) >= NICE; // field 19 of stat, the nice value
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void lowerCurrentThread(boolean idle) {
        try {
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
            if (!run("renice", "-n", Integer.toString(NICE), "-p", tid)) {
                warnOnce("renice did not succeed");
            }
            if (idle && !run("chrt", "--idle", "-p", "0", tid)) {
                warnOnce("chrt --idle did not succeed");
            }
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a small command to its end; whether it exited 0 within 5 s. */
    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroy();
            return false;
        }
        return true;
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.info(
                    "threads meant to run at nice {} run at normal priority ({}): publishing under load may slow"
                            + " answers more, and a batch waits longer for its compiled code",
                    NICE,
                    why);
        }
    }
}
