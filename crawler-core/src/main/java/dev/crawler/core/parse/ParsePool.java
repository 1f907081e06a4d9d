package dev.crawler.core.parse;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that parses pages, so that event-loop threads never do.
 *
 * <p>Its queue is lock-free ({@link LinkedTransferQueue}) because tasks are submitted from event-loop
 * threads, which must never park on a lock; the bound is an explicit counter. A task over the bound
 * is refused ({@link #trySubmit} returns false) and the caller gives it a defined outcome. In a
 * crawl the scheduler's in-flight cap keeps the queue below the bound, so refusals mean a bug or a
 * misconfiguration, and are counted.
 */
public final class ParsePool implements AutoCloseable {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final ThreadPoolExecutor executor;
    private final AtomicInteger queued = new AtomicInteger();
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

    /** Queues {@code task}; false when the pool is full or shut down. Never blocks. */
    public boolean trySubmit(Runnable task) {
        if (queued.incrementAndGet() > capacity || executor.isShutdown()) {
            queued.decrementAndGet();
            return false;
        }
        executor.execute(() -> {
            queued.decrementAndGet();
            task.run();
        });
        return true;
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
