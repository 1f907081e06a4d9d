package dev.crawler.cli;

import dev.crawler.core.engine.CrawlEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a crawl, in two steps: the first stops dispatching and lets pages in flight finish
 * (for at most the stop deadline, then it stops at once); the second stops at once. Either way the
 * engine returns normally, the store is closed cleanly, and the command exits with 130.
 *
 * <h2>Why {@code sun.misc.Signal}</h2>
 * A shutdown hook runs only once the JVM has decided to exit, so it cannot see a second Ctrl-C:
 * the JVM ignores further SIGINTs while its hooks run. Handling SIGINT directly keeps the JVM alive,
 * lets the crawl end through its normal path (summary, exit code, closed store), and makes the second
 * press mean something. {@code sun.misc.Signal} is the JDK's supported-but-unofficial way to do that
 * (module {@code jdk.unsupported}, present in every OpenJDK build). Where SIGINT cannot be handled
 * (a JVM started with {@code -Xrs}), {@link #install} reports that, and the shutdown hook in
 * {@link CrawlRunner} still gives the graceful stop. SIGTERM keeps the JVM's default: shutdown
 * hooks, so {@code kill} also stops gracefully.
 *
 * <p>A crawl stopped at once loses nothing committed: URLs in flight were never settled, so
 * {@code resume} fetches them again, and records are keyed by identity, so nothing is duplicated.
 */
final class InterruptHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptHandler.class);
    private static final Signal SIGINT = new Signal("INT");

    private final Stoppable engine;
    private final PrintWriter err;
    private final Duration deadline;
    private final AtomicInteger presses = new AtomicInteger();
    private final @Nullable SignalHandler previous;
    private @Nullable ScheduledExecutorService timer;

    private InterruptHandler(Stoppable engine, PrintWriter err, Duration deadline, boolean install) {
        this.engine = engine;
        this.err = err;
        this.deadline = deadline;
        this.previous = install ? installHandler() : null;
    }

    /**
     * Handles SIGINT until closed.
     *
     * @param deadline how long in-flight pages may take after the first Ctrl-C
     */
    static InterruptHandler install(CrawlEngine engine, PrintWriter err, Duration deadline) {
        return install(Stoppable.of(engine), err, deadline);
    }

    /** Handles SIGINT for whatever {@code target} runs (a watch's rounds, say) until closed. */
    static InterruptHandler install(Stoppable target, PrintWriter err, Duration deadline) {
        return new InterruptHandler(target, err, deadline, true);
    }

    private @Nullable SignalHandler installHandler() {
        try {
            return Signal.handle(SIGINT, signal -> interrupted());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("Ctrl-C cannot be handled here ({}); it stops the crawl through the shutdown hook instead", e.getMessage());
            return null;
        }
    }

    /** What one Ctrl-C does; runs on a thread the JVM starts for the signal (tests call it directly). */
    void interrupted() {
        int press = presses.incrementAndGet();
        if (press == 1) {
            say("Stopping: letting pages in flight finish (up to " + deadline.toSeconds() + " s). Ctrl-C again stops at once.");
            LOG.info("Ctrl-C: stopping gracefully");
            engine.stop();
            startDeadline();
        } else if (press == 2) {
            say("Stopping at once; pages in flight will be fetched again on resume.");
            LOG.info("second Ctrl-C: stopping at once");
            engine.abort();
        }
    }

    /** Whether Ctrl-C was pressed. */
    boolean fired() {
        return presses.get() > 0;
    }

    private synchronized void startDeadline() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crawler-stop-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> {
            LOG.warn("pages in flight did not finish within {} s; stopping at once", deadline.toSeconds());
            engine.abort();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void say(String line) {
        err.println();
        err.println(line);
        err.flush();
    }

    /** Gives SIGINT back to whoever had it (the JVM's default: exit through the shutdown hooks). */
    @Override
    public synchronized void close() {
        if (previous != null) {
            Signal.handle(SIGINT, previous);
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
