package dev.crawler.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Every setting of a crawl, checked once when it is built. Stored with the crawl so that
 * {@code resume} continues with the same settings.
 */
public record CrawlConfig(Politeness politeness, Fetch fetch, Scope scope, Limits limits) {

    public CrawlConfig {
        require(politeness != null && fetch != null && scope != null && limits != null, "config", "all sections are required");
    }

    /** The defaults, crawling only the given origins. */
    public static CrawlConfig defaults(Set<String> allowedOrigins) {
        return new CrawlConfig(Politeness.defaults(), Fetch.defaults(), Scope.defaults(allowedOrigins), Limits.defaults());
    }

    public CrawlConfig withPoliteness(Politeness value) {
        return new CrawlConfig(value, fetch, scope, limits);
    }

    public CrawlConfig withFetch(Fetch value) {
        return new CrawlConfig(politeness, value, scope, limits);
    }

    public CrawlConfig withScope(Scope value) {
        return new CrawlConfig(politeness, fetch, value, limits);
    }

    public CrawlConfig withLimits(Limits value) {
        return new CrawlConfig(politeness, fetch, scope, value);
    }

    /**
     * How kind the crawl is to each host.
     *
     * @param delay          the least time between two requests to one host (default 1 s)
     * @param permitsPerHost requests in flight to one host at most (default 1)
     * @param maxCrawlDelay  the most a robots.txt {@code Crawl-delay} may slow a host down (default 30 s)
     */
    public record Politeness(Duration delay, int permitsPerHost, Duration maxCrawlDelay) {
        public Politeness {
            require(!delay.isNegative(), "politeness.delay", "must not be negative, was " + delay);
            require(permitsPerHost >= 1 && permitsPerHost <= 64, "politeness.permitsPerHost", "must be 1..64, was " + permitsPerHost);
            require(!maxCrawlDelay.isNegative(), "politeness.maxCrawlDelay", "must not be negative");
        }

        public static Politeness defaults() {
            return new Politeness(Duration.ofSeconds(1), 1, Duration.ofSeconds(30));
        }

        public Politeness withDelay(Duration value) {
            return new Politeness(value, permitsPerHost, maxCrawlDelay);
        }

        public Politeness withPermitsPerHost(int value) {
            return new Politeness(delay, value, maxCrawlDelay);
        }
    }

    /**
     * How one request is made.
     *
     * @param userAgent      sent with every request and matched against robots.txt groups
     * @param robotsName     the product token robots.txt groups are matched against
     * @param connectTimeout to establish a connection (default 10 s)
     * @param readTimeout    the longest silence while waiting for bytes (default 20 s)
     * @param totalTimeout   the longest a whole exchange may take (default 60 s)
     * @param maxBodyBytes   a body longer than this is cut and the fetch counted as too large (default 8 MiB)
     * @param maxRetries     transient failures of one URL retried at most this often (default 3)
     * @param ioThreads      Netty event-loop threads (default 1: one loop saturates a small machine)
     */
    public record Fetch(String userAgent, String robotsName, Duration connectTimeout, Duration readTimeout,
            Duration totalTimeout, long maxBodyBytes, int maxRetries, int ioThreads) {
        public Fetch {
            require(!userAgent.isBlank(), "fetch.userAgent", "must not be blank");
            require(robotsName.matches("[A-Za-z_-]+"), "fetch.robotsName", "must be letters, '-' or '_', was '" + robotsName + "'");
            require(isPositive(connectTimeout), "fetch.connectTimeout", "must be positive");
            require(isPositive(readTimeout), "fetch.readTimeout", "must be positive");
            require(isPositive(totalTimeout), "fetch.totalTimeout", "must be positive");
            require(maxBodyBytes >= 1024, "fetch.maxBodyBytes", "must be at least 1024, was " + maxBodyBytes);
            require(maxRetries >= 0 && maxRetries <= 20, "fetch.maxRetries", "must be 0..20, was " + maxRetries);
            require(ioThreads >= 1 && ioThreads <= 64, "fetch.ioThreads", "must be 1..64, was " + ioThreads);
        }

        public static Fetch defaults() {
            return new Fetch("ProductCrawler/0.1 (+https://github.com/product-crawler/crawler)", "ProductCrawler",
                    Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60), 8L * 1024 * 1024, 3, 1);
        }
    }

    /**
     * Which URLs belong to the crawl.
     *
     * @param allowedOrigins  origins ({@code scheme://host:port}) the crawl may fetch; by default the seeds'
     * @param maxDepth        links followed at most this far from a seed (default 50)
     * @param maxUrlLength    longer URLs are dropped (default 2048)
     * @param maxLinksPerPage links taken from one page at most (default 1000)
     * @param followNofollow  whether {@code rel=nofollow} links are followed (default false)
     * @param trackingParams  query parameters removed from every URL; a trailing {@code *} matches a prefix
     */
    public record Scope(Set<String> allowedOrigins, int maxDepth, int maxUrlLength, int maxLinksPerPage,
            boolean followNofollow, List<String> trackingParams) {
        public Scope {
            allowedOrigins = Set.copyOf(allowedOrigins);
            trackingParams = List.copyOf(trackingParams);
            require(maxDepth >= 0, "scope.maxDepth", "must not be negative");
            require(maxUrlLength >= 64, "scope.maxUrlLength", "must be at least 64, was " + maxUrlLength);
            require(maxLinksPerPage >= 1, "scope.maxLinksPerPage", "must be at least 1");
        }

        public static Scope defaults(Set<String> allowedOrigins) {
            return new Scope(allowedOrigins, 50, 2048, 1000, false,
                    List.of("utm_*", "gclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "ref", "_ga", "yclid"));
        }
    }

    /**
     * How much the crawl does and holds at once.
     *
     * @param maxPages      stop after this many pages in all (0: no limit)
     * @param maxInFlight   URLs leased and not yet committed, across all hosts (default 256)
     * @param parseThreads  threads of the parse pool (default: one per core)
     * @param maxUrlsPerHost URLs one host may ever have queued; a guard against spider traps (default 1,000,000)
     */
    public record Limits(long maxPages, int maxInFlight, int parseThreads, long maxUrlsPerHost) {
        public Limits {
            require(maxPages >= 0, "limits.maxPages", "must not be negative, was " + maxPages);
            require(maxInFlight >= 1 && maxInFlight <= 100_000, "limits.maxInFlight", "must be 1..100000, was " + maxInFlight);
            require(parseThreads >= 1 && parseThreads <= 256, "limits.parseThreads", "must be 1..256, was " + parseThreads);
            require(maxUrlsPerHost >= 1, "limits.maxUrlsPerHost", "must be at least 1, was " + maxUrlsPerHost);
        }

        public static Limits defaults() {
            return new Limits(0, 256, Runtime.getRuntime().availableProcessors(), 1_000_000);
        }

        public Limits withMaxPages(long value) {
            return new Limits(value, maxInFlight, parseThreads, maxUrlsPerHost);
        }

        public Limits withMaxInFlight(int value) {
            return new Limits(maxPages, value, parseThreads, maxUrlsPerHost);
        }
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
    }
}
