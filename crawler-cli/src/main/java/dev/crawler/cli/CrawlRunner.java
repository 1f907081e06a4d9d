package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.CrawlEngine;
import dev.crawler.core.engine.CrawlProgress;
import dev.crawler.core.engine.CrawlSummary;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.storage.CrawlStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a crawl from the command line: progress lines while it runs, a summary at the end, and a
 * Ctrl-C that stops it cleanly and says how to resume.
 */
final class CrawlRunner {
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);

    private CrawlRunner() {
    }

    static int run(CrawlStore store, CrawlConfig config, Path dir, PrintWriter out, PrintWriter err) {
        CrawlLog.attach(dir);
        CountDownLatch closed = new CountDownLatch(1);
        @org.jspecify.annotations.Nullable Thread hook = null;
        CrawlSummary summary;
        try (CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(dev.crawler.core.extract.ExtractionRules.none()),
                progress -> {
                    err.println(progressLine(progress));
                    err.flush();
                }, Duration.ofSeconds(5))) {
            hook = new Thread(() -> stopGracefully(engine, closed, dir, err), "crawler-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            summary = engine.run();
        } finally {
            store.close();
            // The shutdown hook waits for this, so a Ctrl-C exit never cuts the store's close short.
            closed.countDown();
        }
        removeHook(hook);
        printSummary(summary, dir, out);
        return ExitCodes.OK;
    }

    private static void stopGracefully(CrawlEngine engine, CountDownLatch finished, Path dir, PrintWriter err) {
        err.println("Stopping: letting pages in flight finish (up to " + STOP_DEADLINE.toSeconds() + " s)...");
        err.flush();
        engine.stop();
        try {
            if (!finished.await(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                engine.abort();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.abort();
        }
        err.println("Stopped. Continue with: crawler resume --dir " + dir);
        err.flush();
    }

    private static void removeHook(@org.jspecify.annotations.Nullable Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting because of Ctrl-C; the hook is running and prints the resume command.
        }
    }

    static String progressLine(CrawlProgress p) {
        double seconds = Math.max(0.001, p.elapsed().toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%6.0fs  pages %d  products %d  queued %d  failed %d  in flight %d  hosts %d",
                seconds, p.pagesFetched(), p.products(), p.queued(), p.failed(), p.inFlight(), p.hosts());
    }

    private static void printSummary(CrawlSummary summary, Path dir, PrintWriter out) {
        out.printf(Locale.ROOT, "%s after %.1f s: %d pages fetched (%.1f pages/s), %d products stored, %d failed, %d still queued%n",
                summary.stopped() ? "Stopped" : "Done", summary.elapsed().toMillis() / 1000.0, summary.pagesThisRun(),
                summary.pagesPerSecond(), summary.products(), summary.failed(), summary.queued());
        if (summary.queued() > 0) {
            out.println("Continue with: crawler resume --dir " + dir);
        }
        out.flush();
    }
}
