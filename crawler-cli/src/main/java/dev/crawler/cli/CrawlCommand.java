package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.core.fetch.ProxyRoutes;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawler crawl SEEDS_FILE --dir DIR [--config FILE] [flags]}: starts a new crawl. */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts a new crawl from a seed file (one URL a line, # comments allowed; a URL ending in "
                + ".xml or sitemap is read as a sitemap). By default the crawl stays on the seeds' hosts.")
final class CrawlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SEEDS_FILE", description = "File of seed URLs, one a line.")
    Path seedsFile;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "New directory for the crawl's state.")
    Path dir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config file (see 'crawler config --defaults'); flags override it.")
    @Nullable Path config;

    @Option(names = "--strict", description = "Refuse to start if any seed line or sitemap is bad, instead of skipping it.")
    boolean strict;

    @Mixin
    CrawlFlags flags = new CrawlFlags();

    @Mixin
    ClusterFlags cluster = new ClusterFlags();

    @Mixin
    LogOptions log = new LogOptions();

    @Override
    public Integer call() {
        ConfigDocument document = config == null ? ConfigDocument.defaults() : ConfigFile.load(config);
        ch.qos.logback.classic.Level level = log.level();
        // Flags are checked before the seeds are read: sitemap seeds may take a while to fetch.
        CrawlConfig checked = flags.applyTo(document.crawlConfig(java.util.Set.of()));
        // So are the proxies' credential variables and names, before the crawl directory is created.
        ProxyRoutes.resolve(checked.fetch().proxies(), System::getenv);
        StoreOptions options = flags.applyTo(document.storage());
        SeedReader.Seeds seeds = new SeedReader(seedsFile, strict, spec.commandLine().getErr(), checked,
                document.sitemaps()).read();
        CrawlConfig crawl = flags.applyTo(document.crawlConfig(seeds.origins()));
        ClusterSection shared = cluster.applyTo(document.cluster());
        if (!shared.enabled()) {
            CrawlStore store = Crawls.create(dir, seeds.urls(), crawl, options);
            return CrawlRunner.run(store, crawl, dir, options, level, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        ClusterMembership membership = ClusterMembership.create(shared);
        membership.settings();
        CrawlStore store = Crawls.createMember(dir, seeds.urls(), crawl, options, membership::record);
        return CrawlRunner.run(store, crawl, dir, options, level, new CrawlRunner.Member(membership, Crawls.seedUrls(seeds.urls())),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
