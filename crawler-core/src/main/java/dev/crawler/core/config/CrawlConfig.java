package dev.crawler.core.config;

import dev.crawler.core.extract.ExtractionRules;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Every setting of a crawl, checked once when it is built. Stored with the crawl so that
 * {@code resume} continues with the same settings.
 *
 * @param extraction per-site CSS rules for shops without structured data (default: none)
 * @param revisit    when pages are fetched again by {@code crawler recrawl} (default: {@link Revisit#defaults()})
 */
public record CrawlConfig(Politeness politeness, Fetch fetch, Scope scope, Limits limits, ExtractionRules extraction,
        Revisit revisit) {

    public CrawlConfig {
        // A config stored before site rules existed has no "extraction": it had none.
        extraction = extraction == null ? ExtractionRules.none() : extraction;
        // Nor one stored before revisits: it gets the defaults.
        revisit = revisit == null ? Revisit.defaults() : revisit;
        require(politeness != null && fetch != null && scope != null && limits != null, "config", "all sections are required");
    }

    /** A config with the default revisit schedule. */
    public CrawlConfig(Politeness politeness, Fetch fetch, Scope scope, Limits limits, ExtractionRules extraction) {
        this(politeness, fetch, scope, limits, extraction, Revisit.defaults());
    }

    /** A config without site rules. */
    public CrawlConfig(Politeness politeness, Fetch fetch, Scope scope, Limits limits) {
        this(politeness, fetch, scope, limits, ExtractionRules.none());
    }

    /** The defaults, crawling only the given origins. */
    public static CrawlConfig defaults(Set<String> allowedOrigins) {
        return new CrawlConfig(Politeness.defaults(), Fetch.defaults(), Scope.defaults(allowedOrigins), Limits.defaults());
    }

    public CrawlConfig withPoliteness(Politeness value) {
        return new CrawlConfig(value, fetch, scope, limits, extraction, revisit);
    }

    public CrawlConfig withFetch(Fetch value) {
        return new CrawlConfig(politeness, value, scope, limits, extraction, revisit);
    }

    public CrawlConfig withScope(Scope value) {
        return new CrawlConfig(politeness, fetch, value, limits, extraction, revisit);
    }

    public CrawlConfig withLimits(Limits value) {
        return new CrawlConfig(politeness, fetch, scope, value, extraction, revisit);
    }

    public CrawlConfig withExtraction(ExtractionRules value) {
        return new CrawlConfig(politeness, fetch, scope, limits, value, revisit);
    }

    public CrawlConfig withRevisit(Revisit value) {
        return new CrawlConfig(politeness, fetch, scope, limits, extraction, value);
    }

    /**
     * When a page is fetched again to watch it. Each page earns its own interval: it starts at
     * {@code initialInterval}, halves after a visit that found the page changed and grows by half after
     * one that found it unchanged, always within {@code minInterval..maxInterval}; the next visit is
     * then that interval from the last, moved by up to {@code jitter} of it either way (the same amount
     * for the same page and visit), so that the pages of one shop, crawled together, do not fall due
     * together.
     *
     * @param minInterval     the shortest interval a page can earn (default 1 h)
     * @param maxInterval     the longest (default 30 days)
     * @param initialInterval a page's interval after its first visit (default 1 day)
     * @param jitter          the share of an interval the next visit may move either way, 0..0.5 (default 0.1)
     */
    public record Revisit(Duration minInterval, Duration maxInterval, Duration initialInterval, double jitter) {
        public Revisit {
            require(minInterval != null && isPositive(minInterval), "revisit.minInterval", "must be positive, was " + minInterval);
            require(maxInterval != null && maxInterval.compareTo(minInterval) >= 0, "revisit.maxInterval",
                    "must be at least revisit.minInterval (" + minInterval + "), was " + maxInterval);
            require(initialInterval != null && initialInterval.compareTo(minInterval) >= 0 && initialInterval.compareTo(maxInterval) <= 0,
                    "revisit.initialInterval", "must be within revisit.minInterval..maxInterval, was " + initialInterval);
            require(jitter >= 0 && jitter <= 0.5, "revisit.jitter", "must be 0..0.5, was " + jitter);
        }

        public static Revisit defaults() {
            return new Revisit(Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(1), 0.1);
        }
    }

    /**
     * What to do with a host whose robots.txt asks for a {@code Crawl-delay} above
     * {@code politeness.maxCrawlDelay}. Either way its URLs stay queued; nothing is settled as denied.
     */
    public enum CrawlDelayAboveMax {
        /** Park the host for the run, saying why in {@code crawler status}; a resume meets the same robots.txt. */
        SKIP,
        /** Crawl the host as slowly as its robots.txt asks, however slow that is. */
        HONOUR;

        /** The name in config files: {@code skip} or {@code honour}. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How kind the crawl is to each host.
     *
     * @param delay          the least time between two requests to one host (default 1 s)
     * @param permitsPerHost requests in flight to one host at most (default 1)
     * @param maxCrawlDelay  the longest robots.txt {@code Crawl-delay} the crawl follows as a matter of
     *                       course (default 30 s); see {@code crawlDelayAboveMax} for a longer one
     * @param adaptiveDelayFactor the delay grows to this many times the host's recent average response
     *                       time when that is longer than {@code delay} (default 1.0; 0 turns it off)
     * @param maxAdaptiveDelay the most the adaptive delay may slow a host down (default 30 s)
     * @param maxRetryAfter  the longest a {@code Retry-After} on a 429 or 503 pauses a host (default 10 min)
     * @param parkAfterFailures a host whose requests fail this many times in a row without an answer
     *                       (DNS, connect, timeout) is parked: not asked again this run, its URLs left
     *                       queued for a resume (default 5; 0 never parks)
     * @param robotsExpiry   how long a host's robots.txt rules are kept before it is fetched again (default 24 h)
     * @param maxPushBacks   how often a host may push back (a 429, a 503 with {@code Retry-After}) on one
     *                       URL before the URL fails as {@code rate-limited}, and in a row, answering
     *                       nothing else, before the host is parked (default 20, 1..255). Push-backs
     *                       pause the host and never use up a URL's {@code fetch.maxRetries}.
     * @param pushBackFactor each push-back multiplies the host's delay by this much: the pace it learns
     *                       (default 2.0, 1.1..10)
     * @param recoveryStep   after {@code recoveryAfter} answers in a row the learned delay shrinks by this
     *                       much, down to the configured delay or the robots.txt {@code Crawl-delay}
     *                       (default 250 ms, more than 0)
     * @param recoveryAfter  answers in a row that earn one {@code recoveryStep} (default 10, 1..10000)
     * @param maxLearnedDelay the most push-backs may slow a host down (default 2 min)
     * @param crawlDelayAboveMax what a {@code Crawl-delay} above {@code maxCrawlDelay} gets (default
     *                       {@link CrawlDelayAboveMax#SKIP}: the host is parked, its URLs kept)
     */
    public record Politeness(Duration delay, int permitsPerHost, Duration maxCrawlDelay, double adaptiveDelayFactor,
            Duration maxAdaptiveDelay, Duration maxRetryAfter, int parkAfterFailures, Duration robotsExpiry,
            int maxPushBacks, double pushBackFactor, Duration recoveryStep, int recoveryAfter, Duration maxLearnedDelay,
            CrawlDelayAboveMax crawlDelayAboveMax) {
        public Politeness {
            require(!delay.isNegative(), "politeness.delay", "must not be negative, was " + delay);
            require(permitsPerHost >= 1 && permitsPerHost <= 64, "politeness.permitsPerHost", "must be 1..64, was " + permitsPerHost);
            require(!maxCrawlDelay.isNegative(), "politeness.maxCrawlDelay", "must not be negative");
            require(adaptiveDelayFactor >= 0 && adaptiveDelayFactor <= 100, "politeness.adaptiveDelayFactor",
                    "must be 0..100, was " + adaptiveDelayFactor);
            require(maxAdaptiveDelay != null && !maxAdaptiveDelay.isNegative(), "politeness.maxAdaptiveDelay", "must not be negative");
            require(maxRetryAfter != null && !maxRetryAfter.isNegative(), "politeness.maxRetryAfter", "must not be negative");
            require(parkAfterFailures >= 0 && parkAfterFailures <= 1000, "politeness.parkAfterFailures",
                    "must be 0..1000, was " + parkAfterFailures);
            require(robotsExpiry != null && isPositive(robotsExpiry), "politeness.robotsExpiry", "must be positive");
            require(maxPushBacks >= 1 && maxPushBacks <= 255, "politeness.maxPushBacks", "must be 1..255, was " + maxPushBacks);
            require(pushBackFactor >= 1.1 && pushBackFactor <= 10, "politeness.pushBackFactor", "must be 1.1..10, was " + pushBackFactor);
            require(recoveryStep != null && isPositive(recoveryStep), "politeness.recoveryStep", "must be positive");
            require(recoveryAfter >= 1 && recoveryAfter <= 10_000, "politeness.recoveryAfter", "must be 1..10000, was " + recoveryAfter);
            require(maxLearnedDelay != null && !maxLearnedDelay.isNegative(), "politeness.maxLearnedDelay", "must not be negative");
            require(crawlDelayAboveMax != null, "politeness.crawlDelayAboveMax", "must be skip or honour");
        }

        /** The defaults for everything but the three original settings. */
        public Politeness(Duration delay, int permitsPerHost, Duration maxCrawlDelay) {
            this(delay, permitsPerHost, maxCrawlDelay, 1.0, Duration.ofSeconds(30), Duration.ofMinutes(10), 5,
                    Duration.ofHours(24), 20, 2.0, Duration.ofMillis(250), 10, Duration.ofMinutes(2), CrawlDelayAboveMax.SKIP);
        }

        public static Politeness defaults() {
            return new Politeness(Duration.ofSeconds(1), 1, Duration.ofSeconds(30));
        }

        public Politeness withDelay(Duration value) {
            return new Politeness(value, permitsPerHost, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    parkAfterFailures, robotsExpiry, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        public Politeness withPermitsPerHost(int value) {
            return new Politeness(delay, value, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    parkAfterFailures, robotsExpiry, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        public Politeness withMaxCrawlDelay(Duration value) {
            return new Politeness(delay, permitsPerHost, value, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    parkAfterFailures, robotsExpiry, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        /** The adaptive delay: {@code factor} times the recent average response time, at most {@code max}. */
        public Politeness withAdaptiveDelay(double factor, Duration max) {
            return new Politeness(delay, permitsPerHost, maxCrawlDelay, factor, max, maxRetryAfter,
                    parkAfterFailures, robotsExpiry, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        public Politeness withMaxRetryAfter(Duration value) {
            return new Politeness(delay, permitsPerHost, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, value,
                    parkAfterFailures, robotsExpiry, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        public Politeness withParkAfterFailures(int value) {
            return new Politeness(delay, permitsPerHost, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    value, robotsExpiry, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        public Politeness withRobotsExpiry(Duration value) {
            return new Politeness(delay, permitsPerHost, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    parkAfterFailures, value, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        public Politeness withMaxPushBacks(int value) {
            return new Politeness(delay, permitsPerHost, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    parkAfterFailures, robotsExpiry, value, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    crawlDelayAboveMax);
        }

        /** The learned pace: the factor of each push-back, and the step earned by each {@code after} answers in a row. */
        public Politeness withLearnedPace(double factor, Duration step, int after, Duration max) {
            return new Politeness(delay, permitsPerHost, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    parkAfterFailures, robotsExpiry, maxPushBacks, factor, step, after, max, crawlDelayAboveMax);
        }

        public Politeness withCrawlDelayAboveMax(CrawlDelayAboveMax value) {
            return new Politeness(delay, permitsPerHost, maxCrawlDelay, adaptiveDelayFactor, maxAdaptiveDelay, maxRetryAfter,
                    parkAfterFailures, robotsExpiry, maxPushBacks, pushBackFactor, recoveryStep, recoveryAfter, maxLearnedDelay,
                    value);
        }
    }

    /**
     * How one request is made.
     *
     * @param userAgent      sent with every request; the default ({@link #DEFAULT_USER_AGENT}) is a placeholder
     *                       to replace with the crawl operator's own contact
     * @param robotsName     the product token robots.txt groups are matched against
     * @param connectTimeout to establish a connection (default 10 s)
     * @param readTimeout    the longest silence while waiting for bytes (default 20 s)
     * @param totalTimeout   the longest a whole exchange may take (default 60 s)
     * @param maxBodyBytes   a body longer than this, after decompression, is cut and the fetch counted as
     *                       too large (default 8 MiB, at most 1 GiB)
     * @param maxRetries     transient failures of one URL retried at most this often (default 3)
     * @param ioThreads      Netty event-loop threads (default 1: one loop saturates a small machine)
     * @param firstByteTimeout the longest wait from sending a request to the first byte of its answer (default 15 s)
     * @param maxRedirects   redirect hops followed from one URL; the next one is counted as
     *                       {@code redirect-limit} (default 5)
     * @param retryBackoffBase the wait before the first retry of a transient failure, doubling with each
     *                       further attempt, with jitter (default 2 s)
     * @param retryBackoffMax the longest wait before a retry (default 5 min)
     * @param dnsMinTtl      DNS answers are cached at least this long, whatever their TTL (default 0 s)
     * @param dnsMaxTtl      DNS answers are cached at most this long, whatever their TTL (default 1 h, at least 1 s)
     * @param dnsNegativeTtl a name that did not resolve is not asked again for this long (default 1 min)
     * @param cookies        {@code per-host}: each host's cookies are kept in memory for the run and sent back
     *                       to that host only; {@code off}: none are kept or sent (default {@code per-host})
     * @param maxCookiesPerHost cookies kept for one host at most; the oldest goes first (default 50)
     * @param maxCookieBytes the memory all hosts' cookies may take; the least recently used host's go
     *                       first (default 4 MiB)
     * @param proxies        which hosts are fetched through which proxy, first matching rule first
     *                       (default none: every host directly)
     */
    public record Fetch(String userAgent, String robotsName, Duration connectTimeout, Duration readTimeout,
            Duration totalTimeout, long maxBodyBytes, int maxRetries, int ioThreads, Duration firstByteTimeout,
            int maxRedirects, Duration retryBackoffBase, Duration retryBackoffMax, Duration dnsMinTtl,
            Duration dnsMaxTtl, Duration dnsNegativeTtl, String cookies, int maxCookiesPerHost, long maxCookieBytes,
            List<ProxyRule> proxies) {
        /** The default user agent: a placeholder that names no real page; every user should replace it with their own contact. */
        public static final String DEFAULT_USER_AGENT = "ProductCrawler/0.1 (+https://replace-with-your-contact.invalid/)";
        /** The {@code cookies} value that keeps each host's cookies. */
        public static final String COOKIES_PER_HOST = "per-host";
        /** The {@code cookies} value that keeps none. */
        public static final String COOKIES_OFF = "off";

        public Fetch {
            require(!userAgent.isBlank(), "fetch.userAgent", "must not be blank");
            require(robotsName.matches("[A-Za-z_-]+"), "fetch.robotsName", "must be letters, '-' or '_', was '" + robotsName + "'");
            require(isPositive(connectTimeout), "fetch.connectTimeout", "must be positive");
            require(isPositive(readTimeout), "fetch.readTimeout", "must be positive");
            require(isPositive(totalTimeout), "fetch.totalTimeout", "must be positive");
            require(maxBodyBytes >= 1024 && maxBodyBytes <= 1L << 30, "fetch.maxBodyBytes",
                    "must be 1024..1073741824, was " + maxBodyBytes);
            require(maxRetries >= 0 && maxRetries <= 20, "fetch.maxRetries", "must be 0..20, was " + maxRetries);
            require(ioThreads >= 1 && ioThreads <= 64, "fetch.ioThreads", "must be 1..64, was " + ioThreads);
            require(firstByteTimeout != null && isPositive(firstByteTimeout), "fetch.firstByteTimeout", "must be positive");
            require(maxRedirects >= 0 && maxRedirects <= 20, "fetch.maxRedirects", "must be 0..20, was " + maxRedirects);
            require(retryBackoffBase != null && !retryBackoffBase.isNegative(), "fetch.retryBackoffBase", "must not be negative");
            require(retryBackoffMax != null && retryBackoffMax.compareTo(retryBackoffBase) >= 0, "fetch.retryBackoffMax",
                    "must be at least fetch.retryBackoffBase (" + retryBackoffBase + "), was " + retryBackoffMax);
            require(dnsMinTtl != null && !dnsMinTtl.isNegative(), "fetch.dnsMinTtl", "must not be negative");
            require(dnsMaxTtl != null && dnsMaxTtl.compareTo(dnsMinTtl) >= 0 && dnsMaxTtl.toSeconds() >= 1
                    && dnsMaxTtl.toSeconds() <= Integer.MAX_VALUE, "fetch.dnsMaxTtl",
                    "must be at least 1s and at least fetch.dnsMinTtl (" + dnsMinTtl + "), was " + dnsMaxTtl);
            require(dnsNegativeTtl != null && !dnsNegativeTtl.isNegative() && dnsNegativeTtl.toSeconds() <= Integer.MAX_VALUE,
                    "fetch.dnsNegativeTtl", "must not be negative");
            require(COOKIES_PER_HOST.equals(cookies) || COOKIES_OFF.equals(cookies), "fetch.cookies",
                    "must be " + COOKIES_PER_HOST + " or " + COOKIES_OFF + ", was '" + cookies + "'");
            require(maxCookiesPerHost >= 1 && maxCookiesPerHost <= 1000, "fetch.maxCookiesPerHost",
                    "must be 1..1000, was " + maxCookiesPerHost);
            require(maxCookieBytes >= 4096 && maxCookieBytes <= 1L << 30, "fetch.maxCookieBytes",
                    "must be 4096..1073741824, was " + maxCookieBytes);
            require(proxies != null, "fetch.proxies", "must be a list, may be empty");
            proxies = List.copyOf(proxies);
        }

        /** Whether cookies are kept and sent back. */
        public boolean keepsCookies() {
            return COOKIES_PER_HOST.equals(cookies);
        }

        /** The defaults for everything but the eight original settings. */
        public Fetch(String userAgent, String robotsName, Duration connectTimeout, Duration readTimeout,
                Duration totalTimeout, long maxBodyBytes, int maxRetries, int ioThreads) {
            this(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRetries, ioThreads,
                    Duration.ofSeconds(15), 5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ZERO,
                    Duration.ofHours(1), Duration.ofMinutes(1), COOKIES_PER_HOST, 50, 4L * 1024 * 1024, List.of());
        }

        public static Fetch defaults() {
            // A placeholder on purpose: .invalid never resolves (RFC 2606), so a shop's operator sees at once
            // that the crawler's user did not say who they are, and the README asks users to replace it.
            return new Fetch(DEFAULT_USER_AGENT, "ProductCrawler",
                    Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60), 8L * 1024 * 1024, 3, 1);
        }

        public Fetch withUserAgent(String value) {
            return new Fetch(value, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRetries, ioThreads,
                    firstByteTimeout, maxRedirects, retryBackoffBase, retryBackoffMax, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, cookies,
                    maxCookiesPerHost, maxCookieBytes, proxies);
        }

        /** Every timeout at once: to connect, to the first byte, of silence between bytes, of the whole exchange. */
        public Fetch withTimeouts(Duration connect, Duration firstByte, Duration read, Duration total) {
            return new Fetch(userAgent, robotsName, connect, read, total, maxBodyBytes, maxRetries, ioThreads,
                    firstByte, maxRedirects, retryBackoffBase, retryBackoffMax, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, cookies,
                    maxCookiesPerHost, maxCookieBytes, proxies);
        }

        public Fetch withMaxBodyBytes(long value) {
            return new Fetch(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, value, maxRetries, ioThreads,
                    firstByteTimeout, maxRedirects, retryBackoffBase, retryBackoffMax, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, cookies,
                    maxCookiesPerHost, maxCookieBytes, proxies);
        }

        public Fetch withMaxRetries(int value) {
            return new Fetch(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, value, ioThreads,
                    firstByteTimeout, maxRedirects, retryBackoffBase, retryBackoffMax, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, cookies,
                    maxCookiesPerHost, maxCookieBytes, proxies);
        }

        public Fetch withMaxRedirects(int value) {
            return new Fetch(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRetries, ioThreads,
                    firstByteTimeout, value, retryBackoffBase, retryBackoffMax, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, cookies,
                    maxCookiesPerHost, maxCookieBytes, proxies);
        }

        public Fetch withRetryBackoff(Duration base, Duration max) {
            return new Fetch(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRetries, ioThreads,
                    firstByteTimeout, maxRedirects, base, max, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, cookies,
                    maxCookiesPerHost, maxCookieBytes, proxies);
        }

        /** Cookies {@code per-host} or {@code off}, with the per-host count and the memory they may take. */
        public Fetch withCookies(String mode, int maxPerHost, long maxBytes) {
            return new Fetch(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRetries, ioThreads,
                    firstByteTimeout, maxRedirects, retryBackoffBase, retryBackoffMax, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, mode,
                    maxPerHost, maxBytes, proxies);
        }

        public Fetch withProxies(List<ProxyRule> value) {
            return new Fetch(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRetries, ioThreads,
                    firstByteTimeout, maxRedirects, retryBackoffBase, retryBackoffMax, dnsMinTtl, dnsMaxTtl, dnsNegativeTtl, cookies,
                    maxCookiesPerHost, maxCookieBytes, value);
        }

        public Fetch withDnsTtl(Duration min, Duration max, Duration negative) {
            return new Fetch(userAgent, robotsName, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRetries, ioThreads,
                    firstByteTimeout, maxRedirects, retryBackoffBase, retryBackoffMax, min, max, negative, cookies,
                    maxCookiesPerHost, maxCookieBytes, proxies);
        }
    }

    /**
     * Which URLs belong to the crawl.
     *
     * @param allowedOrigins  origins ({@code scheme://host:port}) the crawl may fetch; by default the seeds'
     * @param maxDepth        links followed at most this far from a seed (default 1000: a shop's
     *                        "next page" links make a long category as deep as it has pages; traps
     *                        are stopped by {@code limits.maxUrlsPerHost} instead)
     * @param maxUrlLength    longer URLs are dropped (default 2048)
     * @param maxLinksPerPage links taken from one page at most (default 1000)
     * @param followNofollow  whether {@code rel=nofollow} links are followed (default false)
     * @param trackingParams  query parameters removed from every URL; a trailing {@code *} matches a prefix
     * @param allowPrivateAddresses whether a host that is not a seed's may resolve to a loopback, private,
     *                        link-local or otherwise non-public address (default false: such a fetch is
     *                        refused and counted as {@code blocked-address}; seeds' hosts may always)
     * @param sitemapsFromRobots whether the sitemaps a host's robots.txt lists are queued (first, like
     *                        seeds) so that the pages they list are crawled too (default false)
     */
    public record Scope(Set<String> allowedOrigins, int maxDepth, int maxUrlLength, int maxLinksPerPage,
            boolean followNofollow, List<String> trackingParams, boolean allowPrivateAddresses,
            boolean sitemapsFromRobots) {
        public Scope {
            allowedOrigins = Set.copyOf(allowedOrigins);
            trackingParams = List.copyOf(trackingParams);
            require(maxDepth >= 0, "scope.maxDepth", "must not be negative");
            require(maxUrlLength >= 64, "scope.maxUrlLength", "must be at least 64, was " + maxUrlLength);
            require(maxLinksPerPage >= 1, "scope.maxLinksPerPage", "must be at least 1");
        }

        /** Private addresses refused, as by default. */
        public Scope(Set<String> allowedOrigins, int maxDepth, int maxUrlLength, int maxLinksPerPage,
                boolean followNofollow, List<String> trackingParams) {
            this(allowedOrigins, maxDepth, maxUrlLength, maxLinksPerPage, followNofollow, trackingParams, false, false);
        }

        public static Scope defaults(Set<String> allowedOrigins) {
            return new Scope(allowedOrigins, 1000, 2048, 1000, false,
                    List.of("utm_*", "gclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "ref", "_ga", "yclid"));
        }

        public Scope withAllowedOrigins(Set<String> value) {
            return new Scope(value, maxDepth, maxUrlLength, maxLinksPerPage, followNofollow, trackingParams, allowPrivateAddresses,
                    sitemapsFromRobots);
        }

        public Scope withMaxDepth(int value) {
            return new Scope(allowedOrigins, value, maxUrlLength, maxLinksPerPage, followNofollow, trackingParams, allowPrivateAddresses,
                    sitemapsFromRobots);
        }

        public Scope withAllowPrivateAddresses(boolean value) {
            return new Scope(allowedOrigins, maxDepth, maxUrlLength, maxLinksPerPage, followNofollow, trackingParams, value,
                    sitemapsFromRobots);
        }

        public Scope withSitemapsFromRobots(boolean value) {
            return new Scope(allowedOrigins, maxDepth, maxUrlLength, maxLinksPerPage, followNofollow, trackingParams,
                    allowPrivateAddresses, value);
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
