package kr.qfeedback.impact;

import java.util.concurrent.ForkJoinPool;
import kr.qfeedback.lifecycle.BackgroundWork;

/**
 * The threads that decide an impact run's candidates: one per core, lowered and SCHED_IDLE
 * ({@link BackgroundWork#idleForkJoinThreads}), so that a long run over a year's cohort takes only
 * the CPU the live decisions leave: on an idle node it runs at full speed, beside serving it waits.
 */
final class ImpactWorkers {
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final ForkJoinPool POOL =
            new ForkJoinPool(THREADS, BackgroundWork.idleForkJoinThreads("qf-impact"), null, false);

    private ImpactWorkers() {}
}
