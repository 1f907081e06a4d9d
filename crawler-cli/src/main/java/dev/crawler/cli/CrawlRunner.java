package dev.crawler.cli;

import ch.qos.logback.classic.Level;
import dev.crawler.cli.progress.ProgressDisplay;
import dev.crawler.cluster.ClusterMember;
import dev.crawler.core.revisit.RevisitRun;
import dev.crawler.cluster.ClusterUnavailableException;
import dev.crawler.cluster.CrawlTopicsMismatchException;
import dev.crawler.core.coordination.Coordination;
import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.CrawlEngine;
import dev.crawler.core.engine.CrawlSummary;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a crawl from the command line: live progress while it runs, a summary at the end, and a
 * Ctrl-C that stops it cleanly and says how to resume (see {@link InterruptHandler}).
 */
final class CrawlRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlRunner.class);
    static final Duration STOP_DEADLINE = Duration.ofSeconds(20);

    private CrawlRunner() {
    }

    /**
     * The run is one member of a cluster crawl.
     *
     * @param seeds      the seeds to send to their hosts' owners as the member joins (none on resume: the
     *                   crawl's first run sent them)
     * @param revisitRun when the run revisits, which pages of the parts it takes over it revisits; null otherwise
     */
    record Member(ClusterMembership membership, List<DiscoveredUrl> seeds, @Nullable RevisitRun revisitRun) {
        Member(ClusterMembership membership, List<DiscoveredUrl> seeds) {
            this(membership, seeds, null);
        }
    }

    /**
     * Crawls until done, stopped or failed, and closes the store.
     *
     * @return {@link ExitCodes#OK} when nothing is left queued, {@link ExitCodes#UNFINISHED} when the run
     *         ended with URLs queued (parked hosts, the page budget), or {@link ExitCodes#INTERRUPTED}
     *         after Ctrl-C
     */
    static int run(CrawlStore store, CrawlConfig config, Path dir, StoreOptions options, Level logLevel,
            PrintWriter out, PrintWriter err) {
        return run(store, config, dir, options, logLevel, null, out, err);
    }

    /** Like {@link #run(CrawlStore, CrawlConfig, Path, StoreOptions, Level, PrintWriter, PrintWriter)}, as {@code member} of a cluster crawl. */
    static int run(CrawlStore store, CrawlConfig config, Path dir, StoreOptions options, Level logLevel, @Nullable Member member,
            PrintWriter out, PrintWriter err) {
        // crawler.log stays attached until the summary is written, so the log ends with it.
        AutoCloseable log = CrawlLog.attach(dir, logLevel);
        try {
            return runLogged(store, config, dir, options, member, out, err);
        } finally {
            closeQuietly(log);
        }
    }

    private static int runLogged(CrawlStore store, CrawlConfig config, Path dir, StoreOptions options, @Nullable Member member,
            PrintWriter out, PrintWriter err) {
        ResumeLine resume = new ResumeLine(ResumeHint.command(dir, options), err);
        // Counted down once the summary is printed (or the run failed): the shutdown hook waits for it, so an
        // exit on SIGTERM cuts neither the store's close nor the summary short.
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean terminating = new AtomicBoolean();
        @Nullable Thread hook = null;
        @Nullable InterruptHandler interrupts = null;
        @Nullable ClusterMember cluster = null;
        try {
            CrawlSummary summary;
            try {
                cluster = member == null ? null : join(member, store, err);
                Coordination coordination = cluster == null ? Coordination.ALONE : cluster;
                long pagesBefore = store.counter(CrawlCounters.PAGES_FETCHED);
                LOG.info("crawl in {} starting ({} pages fetched before) with config {}", dir, pagesBefore, config);
                // A console means a person watches: a live bar. Otherwise (a file, a pipe, CI) a line every few seconds.
                ProgressDisplay display = ProgressDisplay.choose(System.console() != null, err, pagesBefore, config.limits().maxPages());
                try (display; CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(config.extraction()), display,
                        display.interval(), coordination)) {
                    hook = new Thread(() -> stopOnShutdown(Stoppable.of(engine), finished, terminating, resume, err), "crawler-shutdown");
                    Runtime.getRuntime().addShutdownHook(hook);
                    interrupts = InterruptHandler.install(engine, err, STOP_DEADLINE);
                    summary = engine.run();
                }
            } finally {
                if (cluster != null) {
                    cluster.close();
                }
                store.close();
                if (interrupts != null) {
                    interrupts.close();
                }
                // Also when the crawl failed (a full disk): the exit that follows must not run the hook,
                // which would announce a graceful stop that is not happening.
                removeHook(hook);
            }
            boolean interrupted = interrupts != null && interrupts.fired();
            String continuation = ResumeHint.continuation(dir, options, config.limits().maxPages(), summary.pagesTotal());
            printSummary(summary, interrupted || terminating.get(), resume, continuation, out, err);
            if (member != null) {
                ClusterMembership membership = member.membership();
                out.println("This was member " + membership.memberId() + " of cluster crawl '" + membership.crawlId()
                        + "'; the counts above are its share. All products: crawler export --cluster " + membership.bootstrap()
                        + " --crawl-id " + membership.crawlId() + " --out products.csv");
                out.flush();
            }
            if (interrupted) {
                return ExitCodes.INTERRUPTED;
            }
            return summary.unfinished() ? ExitCodes.UNFINISHED : ExitCodes.OK;
        } finally {
            finished.countDown();
        }
    }

    /** Joins the cluster and sends the seeds to their owners; a cluster that cannot be joined is the user's to fix. */
    static ClusterMember join(Member member, CrawlStore store, PrintWriter err) {
        ClusterMembership membership = member.membership();
        err.println("Joining cluster crawl '" + membership.crawlId() + "' at " + membership.bootstrap() + " as "
                + membership.memberId() + "...");
        err.flush();
        try {
            ClusterMember joined = new ClusterMember(membership.settings(), store, member.revisitRun());
            try {
                if (!member.seeds().isEmpty()) {
                    joined.sendSeeds(member.seeds());
                }
            } catch (RuntimeException e) {
                joined.close();
                throw e;
            }
            return joined;
        } catch (CrawlTopicsMismatchException e) {
            throw new UserError(e.getMessage());
        } catch (ClusterUnavailableException | org.apache.kafka.common.KafkaException e) {
            throw new UserError("cannot join the cluster at " + membership.bootstrap() + ": " + e.getMessage()
                    + "; nothing was fetched, run the same command again once Kafka answers");
        }
    }

    /**
     * SIGTERM (or Ctrl-C where it cannot be handled): the JVM is exiting; stop gracefully before it does.
     * The run's own summary says how to resume; this says it only when the run could not finish in time.
     */
    static void stopOnShutdown(Stoppable engine, CountDownLatch finished, AtomicBoolean terminating,
            ResumeLine resume, PrintWriter err) {
        terminating.set(true);
        err.println("Stopping: letting pages in flight finish (up to " + STOP_DEADLINE.toSeconds() + " s)...");
        err.flush();
        engine.stop();
        try {
            if (!finished.await(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                engine.abort();
                finished.await(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.abort();
        }
        resume.say();
    }

    static void removeHook(@Nullable Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting (SIGTERM): the hook is running, and waits for this run to finish its summary.
        }
    }

    /**
     * The closing lines. A run that ran out of work says "Done"; one that ended with URLs still queued
     * (hosts it parked, its page budget) says how to go on, and then, last, that it is unfinished and
     * why, so that the last line never reads as done when it is not.
     */
    private static void printSummary(CrawlSummary summary, boolean interrupted, ResumeLine resume, String continuation,
            PrintWriter out, PrintWriter err) {
        String outcome = summary.stopped() ? "Stopped" : summary.unfinished() ? "Unfinished" : "Done";
        String line = String.format(Locale.ROOT,
                "%s after %.1f s: %d pages fetched (%.1f pages/s), %d products stored, %d failed, %d still queued%s",
                outcome, summary.elapsed().toMillis() / 1000.0, summary.pagesThisRun(), summary.pagesPerSecond(),
                summary.products(), summary.failed(), summary.queued() - summary.leftToOthers(),
                summary.stopped() ? "" : why(summary));
        if (summary.leftToOthers() > 0) {
            // Queued while this member owned their hosts; their owners now have them from the cluster.
            line += String.format(Locale.ROOT, " (and %d queued here for hosts other members own now)", summary.leftToOthers());
        }
        LOG.info(line);
        if (summary.internalErrors() > 0) {
            out.println(summary.internalErrors() + " unexpected internal error(s) were survived; crawler.log has the details");
        }
        if (interrupted) {
            out.println(line);
            out.flush();
            resume.say();
        } else if (summary.unfinished()) {
            out.println(continuation);
            out.println(line);
        } else {
            out.println(line);
        }
        out.flush();
        err.flush();
    }

    /** Why a run that was not stopped left URLs queued: {@code  (2 hosts parked, see 'crawler status'; page budget spent)}. */
    private static String why(CrawlSummary summary) {
        List<String> reasons = new ArrayList<>();
        if (summary.parkedHosts() > 0) {
            reasons.add(summary.parkedHosts() + (summary.parkedHosts() == 1 ? " host" : " hosts") + " parked, see 'crawler status'");
        }
        if (summary.budgetSpent()) {
            reasons.add("page budget spent");
        }
        return !summary.unfinished() || reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")";
    }

    /**
     * "Stopped. Continue with: ...", printed at most once: by the summary of a stopped run, or by the shutdown
     * hook when the run did not get to its summary before the deadline.
     */
    static final class ResumeLine {
        private final String command;
        private final PrintWriter err;
        private final AtomicBoolean said = new AtomicBoolean();

        ResumeLine(String command, PrintWriter err) {
            this.command = command;
            this.err = err;
        }

        void say() {
            if (said.compareAndSet(false, true)) {
                err.println("Stopped. Continue with: " + command);
                err.flush();
            }
        }
    }

    static void closeQuietly(AutoCloseable log) {
        try {
            log.close();
        } catch (Exception e) {
            LOG.warn("closing crawler.log failed: {}", e.toString());
        }
    }
}
