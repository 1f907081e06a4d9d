package dev.crawler.cli;

import ch.qos.logback.classic.Level;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crawler watch --dir DIR [--now] [--metrics-port N] [flags]}: revisits the pages of a crawl as
 * they fall due, until stopped (see {@link WatchLoop}). Ctrl-C and SIGTERM stop it as gracefully as a
 * crawl; what a stopped round left queued is taken up by the next {@code watch} (or {@code resume}).
 * On a member of a cluster crawl each round joins the cluster for its run ({@link ClusterRounds}), and
 * {@code crawler stop --cluster} ends the watch too.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Keeps revisiting the pages of a crawl as they fall due (each page has its own schedule, see revisit.* "
                + "in the config), recording changed prices, stock and names, until stopped with Ctrl-C or kill. It sleeps "
                + "while no page is due. On a member of a cluster crawl, each round joins the cluster, and crawler stop "
                + "--cluster also ends it. Flags given here override the stored settings (and are stored for later runs).")
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The crawl's directory.")
    Path dir;

    @Option(names = "--now", description = "Start with a round over every known page, due or not.")
    boolean now;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Serve Prometheus metrics at http://ADDRESS:N/metrics (0: any free port, printed at start). Default: off.")
    @Nullable Integer metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the metrics are served on. Default: 127.0.0.1 (this machine only).")
    String metricsBind = "127.0.0.1";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Take every crawl setting from this YAML file instead of the stored ones (the crawl's origins stay).")
    @Nullable Path config;

    @Mixin
    CrawlFlags flags = new CrawlFlags();

    @Mixin
    LogOptions log = new LogOptions();

    @Override
    public Integer call() {
        Level level = log.level();
        WatchMetrics.@Nullable Settings metrics = metricsPort == null ? null : new WatchMetrics.Settings(bindAddress(), metricsPort);
        StoreOptions options = flags.applyTo(StoreOptions.defaults());
        CrawlStore store = Crawls.open(dir, options);
        try {
            RecrawlCommand.chooseConfig(store, config, flags);
            store.recordSetting(RecrawlCommand.LAST_RECRAWL, "\"" + Instant.now() + "\"");
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return run(store, Crawls.storedConfig(store), options, level, metrics, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(metricsBind);
        } catch (UnknownHostException e) {
            throw new UserError("--metrics-bind '" + metricsBind + "' is not an address of this machine: " + e.getMessage());
        }
    }

    /**
     * Watches until stopped and closes the store: the metrics server first (a scrape reads the store),
     * then the store. A SIGTERM waits, in the shutdown hook, for the summary as it does for a crawl.
     */
    private int run(CrawlStore store, CrawlConfig config, StoreOptions options, Level level, WatchMetrics.@Nullable Settings metrics,
            PrintWriter out, PrintWriter err) {
        AutoCloseable logFile = CrawlLog.attach(dir, level);
        String again = "crawler watch --dir " + ResumeHint.quote(dir.toString()) + (options.fsync() ? " --fsync" : "");
        CrawlRunner.ResumeLine resume = new CrawlRunner.ResumeLine(again, err);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean terminating = new AtomicBoolean();
        @Nullable ClusterRounds cluster = null;
        @Nullable Thread hook = null;
        @Nullable InterruptHandler interrupts = null;
        @Nullable WatchMetrics server = null;
        try {
            WatchLoop.Outcome outcome;
            try {
                Optional<ClusterMembership> membership = ClusterMembership.of(store);
                cluster = membership.isPresent() ? new ClusterRounds(membership.get(), store, err) : null;
                WatchLoop watch = new WatchLoop(store, config, InstantSource.system(), now, err, cluster);
                if (metrics != null) {
                    server = WatchMetrics.start(store, watch, InstantSource.system(), metrics);
                    err.println("Metrics at " + WatchMetrics.url(metrics.bind(), server.port()));
                }
                err.println("Watching " + dir + (now ? ", every known page first (--now)" : "") + "; Ctrl-C stops.");
                err.flush();
                hook = new Thread(() -> CrawlRunner.stopOnShutdown(watch, finished, terminating, resume, err), "crawler-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                interrupts = InterruptHandler.install(watch, err, CrawlRunner.STOP_DEADLINE);
                outcome = watch.run();
            } finally {
                if (server != null) {
                    server.close();
                }
                if (cluster != null) {
                    cluster.close();
                }
                store.close();
                if (interrupts != null) {
                    interrupts.close();
                }
                CrawlRunner.removeHook(hook);
            }
            String line = String.format(Locale.ROOT, "%s after %.1f s: %d rounds, %d pages fetched, %d unchanged, %d changes recorded",
                    outcome.budgetSpent() ? "Unfinished" : "Stopped", outcome.elapsed().toMillis() / 1000.0, outcome.rounds(),
                    outcome.pagesFetched(), outcome.unchanged(), outcome.changes());
            out.println(line);
            out.flush();
            if (outcome.budgetSpent()) {
                out.println("The page budget (limits.maxPages) is spent; a watch needs a larger --max-pages (0: no limit).");
                out.flush();
                return ExitCodes.UNFINISHED;
            }
            resume.say();
            return interrupts != null && interrupts.fired() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        } finally {
            finished.countDown();
            CrawlRunner.closeQuietly(logFile);
        }
    }
}
