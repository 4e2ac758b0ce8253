package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rules work beside serving runs on threads of lower scheduling priority, and reports what it threw. */
class BackgroundWorkTest {

    @Test
    void rulesWorkRunsOnALowerPriorityThreadOnLinux() throws Exception {
        assumeTrue(
                Files.exists(Path.of("/proc/thread-self/stat")) && Files.isExecutable(Path.of("/usr/bin/renice")),
                "needs Linux /proc and renice");
        assertTrue(
                BackgroundWork.submit(BackgroundWork::currentThreadLowered).get(30, TimeUnit.SECONDS),
                "the rules work thread runs at nice " + BackgroundWork.NICE);
        assertTrue(BackgroundWork.submit(() -> Thread.currentThread().getName())
                .get(30, TimeUnit.SECONDS)
                .startsWith("qf-rules-work-"));
        ForkJoinPool pool = new ForkJoinPool(2, BackgroundWork.forkJoinThreads("qf-test"), null, false);
        try {
            assertTrue(
                    pool.submit(BackgroundWork::currentThreadLowered).get(30, TimeUnit.SECONDS),
                    "fork-join workers too");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aThreadForLongWorkBesideServingRunsLoweredAndOnlyOnIdleTime() throws Exception {
        assumeTrue(
                Files.exists(Path.of("/proc/thread-self/stat"))
                        && Files.isExecutable(Path.of("/usr/bin/renice"))
                        && Files.isExecutable(Path.of("/usr/bin/chrt")),
                "needs Linux /proc, renice and chrt");
        java.util.concurrent.FutureTask<String> seen = new java.util.concurrent.FutureTask<>(
                () -> BackgroundWork.currentThreadLowered() + " " + schedulingPolicy());
        BackgroundWork.idleThreads("qf-test-idle").newThread(seen).start();
        assertEquals("true 5", seen.get(30, TimeUnit.SECONDS), "nice 10 and SCHED_IDLE (policy 5)");
    }

    @Test
    void aCommandsOwnLongWorkRunsLoweredYetNotOnlyOnIdleTime() throws Exception {
        assumeTrue(
                Files.exists(Path.of("/proc/thread-self/stat")) && Files.isExecutable(Path.of("/usr/bin/renice")),
                "needs Linux /proc and renice");
        java.util.concurrent.FutureTask<String> seen =
                new java.util.concurrent.FutureTask<>(() -> Thread.currentThread()
                                .getName() + " " + BackgroundWork.currentThreadLowered() + " " + schedulingPolicy());
        Thread worker = BackgroundWork.loweredThreads("batch-worker").newThread(seen);
        worker.start();
        assertEquals("batch-worker-1 true 0", seen.get(30, TimeUnit.SECONDS), "nice 10 and the normal policy (0)");
        assertTrue(worker.isDaemon());
    }

    /** The scheduling policy of this thread: field 41 of /proc/thread-self/stat (5 = SCHED_IDLE). */
    private static String schedulingPolicy() throws java.io.IOException {
        String[] stat = Files.readString(Path.of("/proc/thread-self/stat"))
                .split("\\) ", 2)[1]
                .split(" ");
        return stat[38];
    }

    @Test
    void aClusterMembersRulesThreadAndTheCompileItStartsRunLowered() throws Exception {
        assumeTrue(
                Files.exists(Path.of("/proc/thread-self/stat")) && Files.isExecutable(Path.of("/usr/bin/renice")),
                "needs Linux /proc and renice");
        java.util.concurrent.ExecutorService follower =
                java.util.concurrent.Executors.newSingleThreadExecutor(BackgroundWork.threads("qf-test-follower"));
        try {
            assertTrue(follower.submit(BackgroundWork::currentThreadLowered).get(30, TimeUnit.SECONDS));
            // The compiler runs on a thread of its own that the follower's thread starts: it inherits the nice value.
            assertTrue(follower.submit(() -> {
                        java.util.concurrent.FutureTask<Boolean> child =
                                new java.util.concurrent.FutureTask<>(BackgroundWork::currentThreadLowered);
                        new Thread(child, "qf-test-compile").start();
                        return child.get(30, TimeUnit.SECONDS);
                    })
                    .get(60, TimeUnit.SECONDS));
        } finally {
            follower.shutdownNow();
        }
    }

    @Test
    void whatTheWorkThrowsReachesTheCaller() {
        ExecutionException failed = assertThrows(
                ExecutionException.class,
                () -> BackgroundWork.submit(() -> {
                            throw new IllegalStateException("refused");
                        })
                        .get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertEquals("refused", failed.getCause().getMessage());
    }

    @Test
    void whileStoppingNewWorkIsRefusedAndWorkAlreadyAcceptedFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = BackgroundWork.submit(() -> {
            release.await(30, TimeUnit.SECONDS);
            return "finished";
        });
        try {
            assertTrue(BackgroundWork.stopAccepting() >= 1, "the running job is counted");
            ExecutionException refused = assertThrows(
                    ExecutionException.class,
                    () -> BackgroundWork.submit(() -> "new").get(30, TimeUnit.SECONDS));
            assertInstanceOf(StoppingException.class, refused.getCause());
            assertEquals(1, BackgroundWork.awaitIdle(Duration.ofMillis(100)), "the running job is still unfinished");
            release.countDown();
            assertEquals(0, BackgroundWork.awaitIdle(Duration.ofSeconds(30)));
            assertEquals("finished", running.get(1, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            BackgroundWork.resumeAccepting();
        }
    }

    @Test
    void whenTheQueueIsFullMoreWorkIsRefusedAsBusyAndTakenAgainOnceItDrains() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        java.util.List<CompletableFuture<String>> accepted = new java.util.ArrayList<>();
        try {
            // Work left by other tests in this JVM may finish meanwhile: submit until one is refused.
            CompletableFuture<String> refusedJob = null;
            for (int attempt = 0; attempt <= 2 * BackgroundWork.CAPACITY && refusedJob == null; attempt++) {
                CompletableFuture<String> job = BackgroundWork.submit(() -> {
                    release.await(30, TimeUnit.SECONDS);
                    return "done";
                });
                if (job.isCompletedExceptionally()) {
                    refusedJob = job;
                } else {
                    accepted.add(job);
                }
            }
            assertTrue(refusedJob != null, "work is refused once the queue is full");
            assertTrue(accepted.size() <= BackgroundWork.CAPACITY, "no more than the capacity is accepted");
            CompletableFuture<String> refusedFuture = refusedJob;
            ExecutionException refused =
                    assertThrows(ExecutionException.class, () -> refusedFuture.get(1, TimeUnit.SECONDS));
            assertInstanceOf(RulesBusyException.class, refused.getCause());
            release.countDown();
            for (CompletableFuture<String> job : accepted) {
                assertEquals(
                        "done", job.get(30, TimeUnit.SECONDS), "work accepted before the queue filled still finishes");
            }
            assertEquals(0, BackgroundWork.awaitIdle(Duration.ofSeconds(30)));
            assertEquals("taken", BackgroundWork.submit(() -> "taken").get(30, TimeUnit.SECONDS));
        } finally {
            release.countDown();
        }
    }
}
