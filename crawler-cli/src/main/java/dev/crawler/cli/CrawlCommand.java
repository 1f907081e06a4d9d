package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.core.seeds.SeedList;
import dev.crawler.core.url.UrlCanonicalizer;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crawler crawl SEEDS_FILE --dir DIR}: starts a new crawl. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Starts a new crawl from a seed file (one URL a line, # comments allowed). "
                + "By default the crawl stays on the seeds' hosts.")
final class CrawlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SEEDS_FILE", description = "File of seed URLs, one a line.")
    Path seedsFile;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "New directory for the crawl's state.")
    Path dir;

    @Option(names = "--delay", paramLabel = "D", converter = DurationConverter.class,
            description = "Least time between two requests to one host: seconds (0.5) or with a unit (500ms, 2s). Default: 1s.")
    Duration delay;

    @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight to one host at most. Default: 1.")
    Integer perHost;

    @Option(names = "--max-pages", paramLabel = "N", description = "Stop after N pages in all. Default: no limit.")
    Long maxPages;

    @Option(names = "--fsync", description = "Sync every commit to disk, for durability against power loss.")
    boolean fsync;

    @Option(names = "--strict", description = "Refuse to start if any seed line is bad, instead of skipping it.")
    boolean strict;

    @Override
    public Integer call() {
        SeedList seeds = readSeeds();
        CrawlConfig config = CrawlOverrides.apply(CrawlConfig.defaults(seeds.origins()), delay, perHost, maxPages);
        CrawlStore store = Crawls.create(dir, seeds.urls(), config, StoreOptions.defaults().withFsync(fsync));
        return CrawlRunner.run(store, config, dir, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private SeedList readSeeds() {
        List<String> lines;
        try {
            lines = Files.readAllLines(seedsFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("seed file " + seedsFile + " does not exist");
        } catch (MalformedInputException e) {
            throw new UserError("seed file " + seedsFile + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read seed file " + seedsFile + ": " + e.getMessage());
        }
        CrawlConfig.Scope scope = CrawlConfig.Scope.defaults(java.util.Set.of());
        SeedList seeds = SeedList.parse(lines, new UrlCanonicalizer(scope.trackingParams(), scope.maxUrlLength()));
        for (SeedList.Problem problem : seeds.problems()) {
            spec.commandLine().getErr().println("crawler: " + seedsFile + " " + problem + (strict ? "" : " (skipped)"));
        }
        if (strict && !seeds.problems().isEmpty()) {
            throw new UserError(seedsFile + " has " + seeds.problems().size() + " bad line(s); fix them or drop --strict");
        }
        if (seeds.urls().isEmpty()) {
            throw new UserError("seed file " + seedsFile + " holds no usable URL");
        }
        return seeds;
    }
}
