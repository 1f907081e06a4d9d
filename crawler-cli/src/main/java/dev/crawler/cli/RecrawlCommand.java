package dev.crawler.cli;

import dev.crawler.core.config.ConfigJson;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.core.revisit.RevisitRun;
import dev.crawler.core.revisit.Revisits;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crawler recrawl --dir DIR [--now] [flags]}: revisits the pages of a crawl that are due. The
 * due pages go back to the frontier first (see {@link Revisits}); then the crawl runs exactly as a
 * {@code resume} does, with the same engine, politeness and crash safety, so a recrawl that is
 * stopped or killed is finished by {@code crawler resume} (or by running it again). On a member of a
 * cluster crawl, it joins the cluster as {@code resume} does; each member revisits the parts of the
 * crawl it owns, and a part taken over during the run is revisited by its new owner.
 */
@Command(name = "recrawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Revisits the pages of a crawl that are due (each page has its own schedule, see revisit.* in the config) "
                + "to record changed prices, stock and names, find new products and mark vanished ones gone. Flags given here "
                + "override the stored settings (and are stored for later runs).")
final class RecrawlCommand implements Callable<Integer> {
    /** The setting that keeps when the last recrawl started (JSON string), for {@code crawler status}. */
    static final String LAST_RECRAWL = "last-recrawl";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The crawl's directory.")
    Path dir;

    @Option(names = "--now", description = "Revisit every known page, due or not.")
    boolean now;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Take every crawl setting from this YAML file instead of the stored ones (the crawl's origins stay).")
    @Nullable Path config;

    @Mixin
    CrawlFlags flags = new CrawlFlags();

    @Mixin
    LogOptions log = new LogOptions();

    @Override
    public Integer call() {
        ch.qos.logback.classic.Level level = log.level();
        StoreOptions options = flags.applyTo(StoreOptions.defaults());
        CrawlStore store = Crawls.open(dir, options);
        try {
            Optional<ClusterMembership> membership = ClusterMembership.of(store);
            CrawlConfig chosen = chooseConfig(store, config, flags);
            Instant started = Instant.now();
            long queued = Revisits.queueDue(store, started, now);
            store.recordSetting(LAST_RECRAWL, "\"" + started + "\"");
            spec.commandLine().getErr().println("Revisiting " + queued + (queued == 1 ? " page" : " pages")
                    + (now ? " (--now: every known page)" : " that are due")
                    + (membership.isPresent() ? " known here, and those of the parts of the crawl this member takes over" : "") + "...");
            spec.commandLine().getErr().flush();
            if (membership.isPresent()) {
                // Every member runs its own recrawl; a part whose member is not running is revisited by the one it moves to.
                return CrawlRunner.run(store, chosen, dir, options, level,
                        new CrawlRunner.Member(membership.get(), List.of(), new RevisitRun(started, now)),
                        spec.commandLine().getOut(), spec.commandLine().getErr());
            }
            return CrawlRunner.run(store, chosen, dir, options, level, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The settings a revisit runs with, as {@code recrawl} and {@code watch} take them: the stored ones,
     * or those of {@code --config} (the crawl's origins stay), with the flags given on top; kept in the
     * store when they differ, for later runs.
     */
    static CrawlConfig chooseConfig(CrawlStore store, @Nullable Path config, CrawlFlags flags) {
        CrawlConfig stored = Crawls.storedConfig(store);
        CrawlConfig base = config == null ? stored : ConfigFile.load(config).crawlConfig(stored.scope().allowedOrigins());
        CrawlConfig chosen = flags.applyTo(base);
        if (!chosen.equals(stored)) {
            store.replaceConfig(ConfigJson.write(chosen));
        }
        return chosen;
    }
}
