package dev.crawler.cli;

import dev.crawler.core.config.ConfigJson;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler resume --dir DIR}: continues a stopped or crashed crawl. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continues an interrupted crawl with its stored settings; flags given here override them.")
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The crawl's directory.")
    Path dir;

    @Option(names = "--delay", paramLabel = "D", converter = DurationConverter.class,
            description = "Least time between two requests to one host (0.5, 500ms, 2s).")
    Duration delay;

    @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight to one host at most.")
    Integer perHost;

    @Option(names = "--max-pages", paramLabel = "N", description = "Stop after N pages in all (counting earlier runs).")
    Long maxPages;

    @Option(names = "--fsync", description = "Sync every commit to disk, for durability against power loss.")
    boolean fsync;

    @Override
    public Integer call() {
        CrawlStore store = Crawls.open(dir, StoreOptions.defaults().withFsync(fsync));
        try {
            CrawlConfig stored = Crawls.storedConfig(store);
            CrawlConfig config = CrawlOverrides.apply(stored, delay, perHost, maxPages);
            if (!config.equals(stored)) {
                store.replaceConfig(ConfigJson.write(config));
            }
            return CrawlRunner.run(store, config, dir, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
