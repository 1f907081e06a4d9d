package dev.crawler.cli;

import dev.crawler.core.config.ConfigJson;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler resume --dir DIR [flags]}: continues a stopped or crashed crawl. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Continues an interrupted crawl with its stored settings; flags given here override them "
                + "(and are stored for later runs).")
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The crawl's directory.")
    Path dir;

    @Mixin
    CrawlFlags flags = new CrawlFlags();

    @Mixin
    ClusterFlags cluster = new ClusterFlags();

    @Mixin
    LogOptions log = new LogOptions();

    @Override
    public Integer call() {
        ch.qos.logback.classic.Level level = log.level();
        StoreOptions options = flags.applyTo(StoreOptions.defaults());
        CrawlStore store = Crawls.open(dir, options);
        try {
            CrawlConfig stored = Crawls.storedConfig(store);
            CrawlConfig config = flags.applyTo(stored);
            if (!config.equals(stored)) {
                store.replaceConfig(ConfigJson.write(config));
            }
            java.util.Optional<ClusterMembership> kept = ClusterMembership.of(store);
            if (kept.isEmpty()) {
                if (cluster.given()) {
                    throw new UserError("this crawl runs alone; a crawl cannot join a cluster after it was created");
                }
                return CrawlRunner.run(store, config, dir, options, level, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
            ClusterMembership membership = kept.get().resumedWith(cluster);
            if (!membership.equals(kept.get())) {
                membership.record(store);
            }
            return CrawlRunner.run(store, config, dir, options, level, new CrawlRunner.Member(membership, java.util.List.of()),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
