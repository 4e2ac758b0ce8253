package kr.qfeedback.impact;

import java.util.concurrent.ForkJoinPool;
import kr.qfeedback.lifecycle.BackgroundWork;

/**
 * The threads that decide an impact run's candidates: one per core, at the rules work's lower
 * priority ({@link BackgroundWork}), so that a long run over a year's cohort leaves the live
 * decisions their CPU.
 */
final class ImpactWorkers {
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final ForkJoinPool POOL =
            new ForkJoinPool(THREADS, BackgroundWork.forkJoinThreads("qf-impact"), null, false);

    private ImpactWorkers() {}
}
