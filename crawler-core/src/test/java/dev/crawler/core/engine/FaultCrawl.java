package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.fetch.ConnectionStats;
import dev.crawler.core.url.Origin;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.ParkedHost;
import dev.crawler.storage.StoreOptions;
import dev.crawler.testbed.FaultHost;
import dev.crawler.testbed.FaultShop;
import dev.crawler.testbed.RequestRecord;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Crawls seeds of a running {@link FaultShop} with a real {@link CrawlEngine} over a fresh crawl
 * directory, and keeps what the fault tests judge the crawl by: the store's counters and failure
 * records, the fetcher's connection counts, the scheduler's last word, and the shop's own request log.
 *
 * <p>The config is short on every wait so that each fault resolves in a second or two: a 100 ms delay,
 * one permit per host, a 500 ms first-byte and read timeout, a 1 s total timeout, one retry after
 * 100..400 ms, and a 2 MiB body limit (so that an endless body reaches it well within the total timeout;
 * the 10 MiB body and the 1 GiB gzip bomb are past the 8 MiB default too).
 */
final class FaultCrawl {
    static final Duration DELAY = Duration.ofMillis(100);
    static final int PERMITS = 1;
    static final Duration FIRST_BYTE_TIMEOUT = Duration.ofMillis(500);
    static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(1);
    static final int MAX_RETRIES = 1;
    static final long MAX_BODY_BYTES = 2L * 1024 * 1024;
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private FaultCrawl() {
    }

    /** The short-timed config, crawling the given fault hosts of {@code shop}. */
    static CrawlConfig config(FaultShop shop, FaultHost... hosts) {
        Set<String> origins = Arrays.stream(hosts).map(host -> origin(shop, host)).collect(Collectors.toSet());
        CrawlConfig defaults = CrawlConfig.defaults(origins);
        return defaults
                .withPoliteness(defaults.politeness().withDelay(DELAY).withPermitsPerHost(PERMITS))
                .withFetch(defaults.fetch()
                        .withTimeouts(Duration.ofSeconds(1), FIRST_BYTE_TIMEOUT, READ_TIMEOUT, TOTAL_TIMEOUT)
                        .withMaxBodyBytes(MAX_BODY_BYTES)
                        .withMaxRetries(MAX_RETRIES)
                        .withRetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    static String origin(FaultShop shop, FaultHost host) {
        return Origin.of(shop.uri(host, "/")).orElseThrow();
    }

    /**
     * Crawls {@code seeds} until the crawl runs out of work and closes the engine; then reads the store,
     * which by then holds everything the run decided (a parked host is written as the engine closes).
     */
    static Result crawl(FaultShop shop, Path dir, CrawlConfig config, URI... seeds) {
        List<String> seedUrls = Arrays.stream(seeds).map(URI::toString).toList();
        try (CrawlStore store = Crawls.create(dir.resolve("crawl"), seedUrls, config, StoreOptions.defaults())) {
            return run(shop, store, config);
        }
    }

    /** Runs the crawl in {@code dir} again, as {@code crawler resume} does, with {@code config}. */
    static Result resume(FaultShop shop, Path dir, CrawlConfig config) {
        try (CrawlStore store = Crawls.open(dir.resolve("crawl"), StoreOptions.defaults())) {
            return run(shop, store, config);
        }
    }

    private static Result run(FaultShop shop, CrawlStore store, CrawlConfig config) {
        AtomicReference<@Nullable CrawlProgress> last = new AtomicReference<>();
        CrawlSummary summary;
        Map<String, ConnectionStats> connections;
        try (CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(ExtractionRules.none()), last::set,
                Duration.ofMinutes(1))) {
            summary = engine.run();
            connections = engine.connectionStats();
        }
        Map<String, FailureRecord> failures = new TreeMap<>();
        store.records().forEachFailure(failure -> failures.put(failure.url(), failure));
        CrawlProgress finalProgress = last.get();
        assertThat(finalProgress).as("the engine reports progress when the run ends").isNotNull();
        return new Result(shop, config, summary, Map.copyOf(store.counters()), failures, connections, finalProgress,
                store.hostPaces(), store.parkedHosts());
    }

    /**
     * What one crawl left behind.
     *
     * @param failures      the stored failure records by URL
     * @param connections   the fetcher's connection counts by origin, read as {@code run()} returned
     * @param finalProgress the last progress report, made as {@code run()} returned
     * @param paces         the host paces the store keeps, by origin order
     * @param parked        the parked hosts the store keeps, by origin order
     */
    record Result(FaultShop shop, CrawlConfig config, CrawlSummary summary, Map<String, Long> counters,
            Map<String, FailureRecord> failures, Map<String, ConnectionStats> connections, CrawlProgress finalProgress,
            List<HostPace> paces, List<ParkedHost> parked) {

        long counter(String name) {
            return counters.getOrDefault(name, 0L);
        }

        /** How many URLs were settled as failed or skipped under {@code label}, e.g. {@code timeout}. */
        long failures(String label) {
            return counter(CrawlCounters.FAILURE_PREFIX + label);
        }

        /** The counters that name a failure class, e.g. {@code {timeout=1}}. */
        Map<String, Long> failureCounters() {
            Map<String, Long> byClass = new TreeMap<>();
            counters.forEach((name, value) -> {
                if (name.startsWith(CrawlCounters.FAILURE_PREFIX) && value != 0) {
                    byClass.put(name.substring(CrawlCounters.FAILURE_PREFIX.length()), value);
                }
            });
            return byClass;
        }

        /** The failure record of {@code url}; fails the test when there is none. */
        FailureRecord failureOf(URI url) {
            FailureRecord record = failures.get(url.toString());
            assertThat(record).as("failure record of %s among %s", url, failures.keySet()).isNotNull();
            return record;
        }

        /**
         * The shop's request log once it holds {@code expected} entries: the shop logs an exchange when
         * its response has been written or its connection has closed, which can be a moment after the
         * crawler saw it. Fails the test when more or fewer requests than expected arrived.
         */
        List<RequestRecord> requests(int expected) throws InterruptedException {
            shop.requestLog().awaitEntries(expected, LOG_WAIT);
            List<RequestRecord> requests = shop.requestLog().entries();
            assertThat(requests).as("requests the shop saw").extracting(r -> r.host() + " " + r.pathAndQuery())
                    .hasSize(expected);
            return requests;
        }

        /** The request log's paths for one fault host, in arrival order. */
        List<String> pathsOn(FaultHost host, List<RequestRecord> requests) {
            String address = shop.host(host);
            return requests.stream().filter(r -> r.host().equals(address)).map(RequestRecord::pathAndQuery).toList();
        }

        /**
         * Nothing is left over: the scheduler has nothing in flight, no pooled connection is still
         * leased, and no origin ever had more connections open than it has permits.
         */
        void assertNothingLeaked() {
            assertThat(summary.stopped()).as("the crawl ran out of work rather than being stopped").isFalse();
            assertThat(summary.internalErrors()).as("internal errors").isZero();
            assertThat(finalProgress.inFlight()).as("URLs in flight in the scheduler").isZero();
            int permits = config.politeness().permitsPerHost();
            assertThat(connections).as("connection pools").isNotEmpty();
            connections.forEach((origin, stats) -> {
                assertThat(stats.leased()).as("connections of %s still leased", origin).isZero();
                assertThat(stats.maxOpen()).as("most connections open at once to %s", origin).isLessThanOrEqualTo(permits);
            });
        }
    }

    /**
     * Politeness as the shop saw it: per host, no request started less than {@code delay} after the one
     * before it, and never more than {@code permits} were being answered at once.
     *
     * <p>With one permit the gap is exact: the next request is sent only {@code delay} after the answer
     * to the one before, which came after that request arrived. With more, requests are sent
     * {@code delay} apart but may be in flight together, and the time from sending to arriving differs
     * between them (a new connection's setup, a busy machine's thread scheduling: tens of milliseconds
     * on two loaded cores); so there the gap is only held to half the delay, which still tells a
     * crawler that spaces its requests from one that does not.
     */
    static void assertPolite(List<RequestRecord> requests, Duration delay, int permits) {
        Duration least = permits == 1 ? delay : delay.dividedBy(2);
        Map<String, List<RequestRecord>> byHost = requests.stream().collect(Collectors.groupingBy(RequestRecord::host));
        byHost.forEach((host, ofHost) -> {
            List<RequestRecord> ordered = ofHost.stream().sorted(Comparator.comparingLong(RequestRecord::startNanos)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                RequestRecord previous = ordered.get(i - 1);
                RequestRecord next = ordered.get(i);
                assertThat(Duration.ofNanos(next.startNanos() - previous.startNanos()))
                        .as("gap between %s and %s on %s", previous.pathAndQuery(), next.pathAndQuery(), host)
                        .isGreaterThanOrEqualTo(least);
            }
            assertThat(mostAtOnce(ordered)).as("requests answered at once by %s", host).isLessThanOrEqualTo(permits);
        });
    }

    /**
     * After every answer of {@code host} that {@code asksForPause} picks, the host got no request for
     * at least {@code pause}.
     *
     * <p>Counted from when the request that was so answered arrived: the crawler read the answer after
     * that instant, certainly. The shop's end time is no such bound, as it is taken when the shop's
     * write completes, which on a busy machine can be a moment after the crawler has read the answer.
     */
    static void assertPausedAfter(List<RequestRecord> requests, String host, Predicate<RequestRecord> asksForPause,
            Duration pause) {
        List<RequestRecord> ofHost = requests.stream().filter(r -> r.host().equals(host))
                .sorted(Comparator.comparingLong(RequestRecord::startNanos)).toList();
        List<RequestRecord> pauses = ofHost.stream().filter(asksForPause).toList();
        assertThat(pauses).as("answers asking %s's crawler to pause", host).isNotEmpty();
        for (RequestRecord asked : pauses) {
            for (RequestRecord later : ofHost) {
                if (later.startNanos() > asked.startNanos()) {
                    assertThat(Duration.ofNanos(later.startNanos() - asked.startNanos()))
                            .as("%s came after the %d to %s", later.pathAndQuery(), asked.status(), asked.pathAndQuery())
                            .isGreaterThanOrEqualTo(pause);
                }
            }
        }
    }

    /** The most exchanges in progress at one instant: a sweep over the start and end times. */
    private static int mostAtOnce(List<RequestRecord> requests) {
        List<long[]> events = new ArrayList<>();
        for (RequestRecord r : requests) {
            events.add(new long[] {r.startNanos(), 1});
            events.add(new long[] {r.endNanos(), -1});
        }
        // At equal times an end goes first: a request that starts as another ends is not concurrent with it.
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int open = 0;
        int most = 0;
        for (long[] event : events) {
            open += (int) event[1];
            most = Math.max(most, open);
        }
        return most;
    }
}
