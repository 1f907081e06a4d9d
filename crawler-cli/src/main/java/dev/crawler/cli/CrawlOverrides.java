package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Applies the flags a user gave on top of a config; a flag not given leaves the setting alone. */
final class CrawlOverrides {
    private CrawlOverrides() {
    }

    static CrawlConfig apply(CrawlConfig config, @Nullable Duration delay, @Nullable Integer perHost, @Nullable Long maxPages) {
        CrawlConfig.Politeness politeness = config.politeness();
        if (delay != null) {
            politeness = politeness.withDelay(delay);
        }
        if (perHost != null) {
            politeness = politeness.withPermitsPerHost(perHost);
        }
        CrawlConfig.Limits limits = config.limits();
        if (maxPages != null) {
            limits = limits.withMaxPages(maxPages);
        }
        return config.withPoliteness(politeness).withLimits(limits);
    }
}
