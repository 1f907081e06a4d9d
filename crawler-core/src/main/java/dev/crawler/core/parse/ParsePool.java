package dev.crawler.core.parse;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool that parses pages, so that event-loop threads never do.
 *
 * <p>Its queue is lock-free ({@link LinkedTransferQueue}) because tasks are submitted from event-loop
 * threads, which must never park on a lock; the bound is an explicit counter. A task over the bound
 * is refused ({@link #trySubmit} returns false) and the caller gives it a defined outcome. In a
 * crawl the scheduler's in-flight cap keeps the queue below the bound, so refusals mean a bug or a
 * misconfiguration, and are counted.
 *
 * <p>A task that throws gets a defined outcome too: whatever it throws, {@link Error}s included, goes
 * to the handler it was submitted with, which settles the work the task stood for (a page, a host's
 * robots.txt). The worker thread survives. A handler that throws as well is logged and counted
 * ({@link #unhandledFailures}), as the last line of defence.
 */
public final class ParsePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParsePool.class);
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final ThreadPoolExecutor executor;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong unhandled = new AtomicLong();
    private final int capacity;

    public ParsePool(int threads, int capacity) {
        this.capacity = capacity;
        // Plain threads on purpose: Netty's thread factory makes FastThreadLocalThreads, which BlockHound
        // treats as event loops, and parse threads may legitimately wait (on the committer's queue).
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedTransferQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "crawler-parse-" + THREAD_IDS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.prestartAllCoreThreads();
    }

    /**
     * Queues {@code task}; false when the pool is full or shut down. Never blocks.
     *
     * @param failed what to do instead when {@code task} throws; runs on the same parse thread
     */
    public boolean trySubmit(Runnable task, Consumer<Throwable> failed) {
        if (queued.incrementAndGet() > capacity || executor.isShutdown()) {
            queued.decrementAndGet();
            return false;
        }
        try {
            executor.execute(() -> {
                queued.decrementAndGet();
                run(task, failed);
            });
        } catch (RejectedExecutionException shutDownMeanwhile) {
            queued.decrementAndGet();
            return false;
        }
        return true;
    }

    private void run(Runnable task, Consumer<Throwable> failed) {
        try {
            task.run();
        } catch (Throwable error) {
            try {
                failed.accept(error);
            } catch (Throwable alsoFailed) {
                alsoFailed.addSuppressed(error);
                unhandled.incrementAndGet();
                LOG.error("a parse task failed, and so did its failure handler; its work is left unsettled", alsoFailed);
            }
        }
    }

    /** Tasks whose failure handler threw too: their work is unsettled, so this is a bug to fix. */
    public long unhandledFailures() {
        return unhandled.get();
    }

    /** Stops taking tasks and waits up to {@code timeout} for the queued ones. */
    public boolean shutdown(long timeout, TimeUnit unit) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(timeout, unit);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
