package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.storage.StoreOptions;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The settings a crawl operator changes most, as flags shared by {@code crawl} and {@code resume}.
 * A flag given overrides the config file (or the stored config on resume); a flag not given leaves
 * the setting alone.
 */
final class CrawlFlags {
    @Option(names = "--delay", paramLabel = "D", converter = DurationConverter.class,
            description = "Least time between two requests to one host: seconds (0.5) or with a unit (500ms, 2s). Default: 1s.")
    @Nullable Duration delay;

    @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight to one host at most. Default: 1.")
    @Nullable Integer perHost;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "Stop after N pages in all, counting earlier runs of the crawl. Default: no limit.")
    @Nullable Long maxPages;

    @Option(names = "--max-depth", paramLabel = "N", description = "Follow links at most N steps from a seed. Default: 50.")
    @Nullable Integer maxDepth;

    @Option(names = "--max-in-flight", paramLabel = "N", description = "URLs in progress at once across all hosts. Default: 256.")
    @Nullable Integer maxInFlight;

    @Option(names = "--user-agent", paramLabel = "TEXT", description = "The User-Agent header; say who you are.")
    @Nullable String userAgent;

    @Option(names = "--fsync", negatable = true,
            description = "Sync every commit to disk, for durability against power loss (--no-fsync: don't).")
    @Nullable Boolean fsync;

    /** The config with every given flag applied. */
    CrawlConfig applyTo(CrawlConfig config) {
        CrawlConfig.Politeness politeness = config.politeness();
        if (delay != null) {
            Duration value = delay;
            politeness = checked("--delay", Durations.format(value), () -> config.politeness().withDelay(value));
        }
        if (perHost != null) {
            int value = perHost;
            CrawlConfig.Politeness base = politeness;
            politeness = checked("--per-host", String.valueOf(value), () -> base.withPermitsPerHost(value));
        }
        CrawlConfig.Limits limits = config.limits();
        if (maxPages != null) {
            long value = maxPages;
            limits = checked("--max-pages", String.valueOf(value), () -> config.limits().withMaxPages(value));
        }
        if (maxInFlight != null) {
            int value = maxInFlight;
            CrawlConfig.Limits base = limits;
            limits = checked("--max-in-flight", String.valueOf(value), () -> base.withMaxInFlight(value));
        }
        CrawlConfig.Scope scope = config.scope();
        if (maxDepth != null) {
            int value = maxDepth;
            scope = checked("--max-depth", String.valueOf(value), () -> config.scope().withMaxDepth(value));
        }
        CrawlConfig.Fetch fetch = config.fetch();
        if (userAgent != null) {
            String value = userAgent;
            fetch = checked("--user-agent", "'" + value + "'", () -> config.fetch().withUserAgent(value));
        }
        return config.withPoliteness(politeness).withLimits(limits).withScope(scope).withFetch(fetch);
    }

    /** The storage options with {@code --fsync} or {@code --no-fsync} applied. */
    StoreOptions applyTo(StoreOptions options) {
        return fsync == null ? options : options.withFsync(fsync);
    }

    /** Builds a value from a flag, turning the records' complaint into one about the flag. */
    private static <T> T checked(String flag, String value, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            throw new UserError(flag + " " + value + ": " + (colon < 0 ? message : message.substring(colon + 2)));
        }
    }
}
