package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.storage.StoreOptions;
import java.time.Duration;
import java.util.function.BiFunction;
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

    @Option(names = "--adaptive-delay", paramLabel = "FACTOR",
            description = "Slow a host down to FACTOR times its recent average response time when that is longer than "
                    + "--delay; 0 turns it off (for your own or a test site). Default: 1.0.")
    @Nullable Double adaptiveDelay;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "Stop after N pages in all, counting earlier runs of the crawl. Default: no limit.")
    @Nullable Long maxPages;

    @Option(names = "--max-depth", paramLabel = "N", description = "Follow links at most N steps from a seed. Default: 1000.")
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
        politeness = override(politeness, "--delay", delay, CrawlConfig.Politeness::withDelay);
        politeness = override(politeness, "--per-host", perHost, CrawlConfig.Politeness::withPermitsPerHost);
        politeness = override(politeness, "--adaptive-delay", adaptiveDelay,
                (base, factor) -> base.withAdaptiveDelay(factor, base.maxAdaptiveDelay()));
        CrawlConfig.Limits limits = config.limits();
        limits = override(limits, "--max-pages", maxPages, CrawlConfig.Limits::withMaxPages);
        limits = override(limits, "--max-in-flight", maxInFlight, CrawlConfig.Limits::withMaxInFlight);
        CrawlConfig.Scope scope = override(config.scope(), "--max-depth", maxDepth, CrawlConfig.Scope::withMaxDepth);
        CrawlConfig.Fetch fetch = override(config.fetch(), "--user-agent", userAgent, CrawlConfig.Fetch::withUserAgent);
        return config.withPoliteness(politeness).withLimits(limits).withScope(scope).withFetch(fetch);
    }

    /** The storage options with {@code --fsync} or {@code --no-fsync} applied. */
    StoreOptions applyTo(StoreOptions options) {
        return fsync == null ? options : options.withFsync(fsync);
    }

    /**
     * The section with one flag's value set, when the flag was given; the records' complaint about a
     * bad value becomes one about the flag.
     */
    private static <S, V> S override(S section, String flag, @Nullable V value, BiFunction<S, V, S> set) {
        if (value == null) {
            return section;
        }
        try {
            return set.apply(section, value);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            throw new UserError(flag + " " + shown(value) + ": " + (colon < 0 ? message : message.substring(colon + 2)));
        }
    }

    /** A flag's value as the user would write it: durations in their short form, text quoted. */
    private static String shown(Object value) {
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
