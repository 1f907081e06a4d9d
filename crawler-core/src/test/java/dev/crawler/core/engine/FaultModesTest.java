package dev.crawler.core.engine;

import static dev.crawler.core.engine.FaultCrawl.DELAY;
import static dev.crawler.core.engine.FaultCrawl.MAX_RETRIES;
import static dev.crawler.core.engine.FaultCrawl.PERMITS;
import static dev.crawler.core.engine.FaultCrawl.assertPausedAfter;
import static dev.crawler.core.engine.FaultCrawl.assertPolite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.FailureRecord;
import dev.crawler.testbed.Fault;
import dev.crawler.testbed.FaultConfig;
import dev.crawler.testbed.FaultHost;
import dev.crawler.testbed.FaultShop;
import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 4, "a fetcher that is fast, polite and unbreakable": one real crawl per fault of the
 * {@link FaultShop}, each seeded with the fault's URL over a fresh crawl directory. Every crawl must
 * <ol>
 *   <li>finish (the {@link Timeout} is the guard: a hang fails, nothing here sleeps);</li>
 *   <li>count the fault under the right failure class, or fetch the page where that is the right outcome;</li>
 *   <li>leak nothing: no URL left in flight, no connection left leased, never more connections to a
 *       host than its permits;</li>
 *   <li>stay polite as the shop's own request log tells it: the delay between requests to a host, no more
 *       at once than the permits, no request during a {@code Retry-After} pause, the {@code Crawl-delay}
 *       honoured, and no page asked of a host whose robots.txt could not be read.</li>
 * </ol>
 * The crawl config is {@link FaultCrawl#config}: 100 ms delay, one permit, 500 ms first-byte and read
 * timeouts, 1 s in all, one retry after 100..400 ms, a 2 MiB body limit.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultModesTest {
    /** The shop's slow faults are made just slow enough to trip the crawl's timeouts, and no slower. */
    private static final FaultConfig FAULTS = FaultConfig.defaults()
            .withFirstByteDelay(Duration.ofSeconds(3))
            // 64 bytes every 100 ms: never silent for the read timeout, and 6.4 s in all, past the total timeout.
            .withDrip(Duration.ofMillis(100), 64, 4096)
            .withRetryAfterSeconds(1)
            .withCrawlDelaySeconds(1)
            .withFlakyFailures(MAX_RETRIES);

    /** A host that answers 429 with Retry-After: 1 to a request sooner than 300 ms after the last one. */
    private static final FaultConfig RATE_LIMITED = FAULTS.withMinRequestGap(Duration.ofMillis(300)).withRetryAfterSeconds(1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} fails as {1} after {2} attempt(s)")
    @CsvSource({
            "SLOW_FIRST_BYTE,    timeout,          2",
            "DRIP,               timeout,          2",
            "RESET_MID_BODY,     connection-reset, 2",
            "SERVER_ERROR,       http-transient,   2",
            "ENDLESS_BODY,       too-large,        1",
            "LARGE_BODY,         too-large,        1",
            "GZIP_BOMB,          too-large,        1",
            "WRONG_CONTENT_TYPE, bad-content,      1",
            "PDF_AT_HTML_URL,    bad-content,      1",
            "PDF_LABELLED_HTML,  bad-content,      1",
            "OVERSIZED_HEADER,      protocol,      1",
            "MALFORMED_STATUS_LINE, protocol,      1",
    })
    void aPageThatCannotBeHadIsCountedOnceUnderItsFailureClass(Fault fault, String failureClass, int attempts)
            throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(fault);

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.MAIN), page);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of(failureClass, 1L));
            assertThat(crawl.counter(CrawlCounters.PAGES_FAILED)).isEqualTo(1);
            assertThat(crawl.counter(CrawlCounters.URLS_SKIPPED)).isZero();
            assertThat(crawl.counter(CrawlCounters.RETRIES)).as("transient failures retried").isEqualTo(attempts - 1);
            FailureRecord record = crawl.failureOf(page);
            assertThat(record.failureClass()).isEqualTo(failureClass);
            assertThat(record.attempts()).isEqualTo(attempts);

            List<RequestRecord> requests = crawl.requests(1 + attempts);
            assertThat(crawl.pathsOn(FaultHost.MAIN, requests))
                    .containsExactlyElementsOf(concat("/robots.txt", Collections.nCopies(attempts, fault.path())));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void withTwoPermitsConnectionsThatFailAreReplacedButNeverAddedTo() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI[] pages = {shop.uri(Fault.SLOW_FIRST_BYTE), shop.uri(Fault.RESET_MID_BODY), shop.uri(Fault.ENDLESS_BODY),
                    shop.uri(FaultHost.MAIN, Fault.SLOW_FIRST_BYTE.path() + "?ms=2000"), shop.uri(Fault.SERVER_ERROR)};
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.MAIN);
            Duration delay = DELAY.multipliedBy(2);
            config = config.withPoliteness(config.politeness().withPermitsPerHost(2).withDelay(delay));

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, pages);

            assertThat(crawl.failureCounters()).isEqualTo(
                    Map.of("timeout", 2L, "connection-reset", 1L, "too-large", 1L, "http-transient", 1L));
            assertThat(crawl.failures()).hasSize(pages.length);
            // robots.txt, two attempts at each of the four transient failures, one at the endless body.
            List<RequestRecord> requests = crawl.requests(1 + 4 * 2 + 1);
            crawl.assertNothingLeaked();
            assertPolite(requests, delay, 2);
        }
    }

    @Test
    void aHostThatNeverAnswersIsParkedAndTheCrawlStillEnds() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI[] pages = new URI[5];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = shop.uri(FaultHost.MAIN, Fault.SLOW_FIRST_BYTE.path() + "?n=" + i);
            }
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.MAIN);
            config = config.withPoliteness(config.politeness().withParkAfterFailures(2))
                    .withFetch(config.fetch().withMaxRetries(0));

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, pages);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("timeout", 2L));
            assertThat(crawl.counter(Counters.HOSTS_PARKED)).isEqualTo(1);
            assertThat(crawl.summary().queued()).as("left queued for a resume").isEqualTo(3);
            assertThat(crawl.summary().parkedHosts()).isEqualTo(1);
            assertThat(crawl.summary().unfinished()).as("the run says it is not done").isTrue();
            List<RequestRecord> requests = crawl.requests(3);
            assertThat(crawl.pathsOn(FaultHost.MAIN, requests)).containsExactly("/robots.txt",
                    Fault.SLOW_FIRST_BYTE.path() + "?n=0", Fault.SLOW_FIRST_BYTE.path() + "?n=1");
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SERVICE_UNAVAILABLE", "TOO_MANY_REQUESTS"})
    void aRetryAfterInSecondsPausesTheWholeHostAndSpendsNoRetryOfThePage(Fault fault) throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(fault);
            URI landing = shop.uri(FaultHost.MAIN, "/landing");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, pushBacksOnce(shop), page, landing);

            assertRetryAfterHonoured(crawl, fault, Duration.ofSeconds(FAULTS.retryAfterSeconds()));
        }
    }

    @Test
    void aRetryAfterAsAnHttpDatePausesTheWholeHostUntilThatTime() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS.withRetryAfterSeconds(2))) {
            URI page = shop.uri(Fault.TOO_MANY_REQUESTS_DATE);
            URI landing = shop.uri(FaultHost.MAIN, "/landing");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, pushBacksOnce(shop), page, landing);

            // An HTTP-date has whole seconds: "now + 2 s" names a time 1 to 2 s away when it reaches the crawler.
            assertRetryAfterHonoured(crawl, Fault.TOO_MANY_REQUESTS_DATE, Duration.ofSeconds(1));
        }
    }

    /** The crawl config with {@code politeness.maxPushBacks} 1: a page the host keeps pushing back on fails at its second. */
    private static CrawlConfig pushBacksOnce(FaultShop shop) {
        CrawlConfig config = FaultCrawl.config(shop, FaultHost.MAIN);
        return config.withPoliteness(config.politeness().withMaxPushBacks(1));
    }

    /**
     * The page that is always pushed back on is asked for again without spending a retry, then fails as
     * rate-limited past {@code maxPushBacks}; the other seed and its links are fetched, but only once
     * each pause is over.
     */
    private static void assertRetryAfterHonoured(FaultCrawl.Result crawl, Fault fault, Duration pause) throws Exception {
        URI page = crawl.shop().uri(fault);
        assertThat(crawl.failureCounters()).isEqualTo(Map.of("rate-limited", 1L, "robots-denied", 1L));
        assertThat(crawl.failureOf(page).attempts()).isEqualTo(2);
        assertThat(crawl.failureOf(page).httpStatus()).isEqualTo(fault == Fault.SERVICE_UNAVAILABLE ? 503 : 429);
        assertThat(crawl.failureOf(page).message()).endsWith("pushed back 2 times (politeness.maxPushBacks is 1)");
        assertThat(crawl.counter(CrawlCounters.RETRIES)).as("a push-back is not the page's failure").isZero();
        assertThat(crawl.counter(CrawlCounters.PUSH_BACKS)).isEqualTo(1);
        assertThat(crawl.counter(CrawlCounters.PAGES_FAILED)).isEqualTo(1);
        assertThat(crawl.counter(CrawlCounters.http(200))).as("/landing and /landing/more").isEqualTo(2);

        List<RequestRecord> requests = crawl.requests(5);
        assertThat(crawl.pathsOn(FaultHost.MAIN, requests)).containsExactlyInAnyOrder(
                "/robots.txt", fault.path(), fault.path(), "/landing", "/landing/more");
        assertPausedAfter(requests, crawl.shop().host(), r -> r.pathAndQuery().equals(fault.path()), pause);
        crawl.assertNothingLeaked();
        assertPolite(requests, DELAY, PERMITS);
    }

    /**
     * Issue 13: a host that answers 429 whenever two requests come closer than its limit. Every one of
     * its products is stored, no URL spends a retry on a push-back, after each 429 the host gets no
     * request until its Retry-After has passed, and the crawl learns the host's pace: it meets the limit
     * a few times, where a crawl that kept its pace would meet it after almost every page.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHostThatRateLimitsLosesNoProductAndTeachesTheCrawlItsPace() throws Exception {
        try (FaultShop shop = Testbed.startFaults(RATE_LIMITED)) {
            URI catalogue = shop.uri(FaultHost.RATE_LIMITED, "/catalogue");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.RATE_LIMITED), catalogue);

            assertThat(crawl.counter(Counters.PRODUCTS)).isEqualTo(FaultShop.CATALOGUE_PRODUCTS);
            assertThat(crawl.failureCounters()).isEmpty();
            assertThat(crawl.counter(CrawlCounters.RETRIES)).as("no retry spent on a push-back").isZero();
            long pushBacks = crawl.counter(CrawlCounters.PUSH_BACKS);
            assertThat(pushBacks).as("the limit was met, and then seldom").isBetween(1L, FaultShop.CATALOGUE_PRODUCTS / 4L);
            assertThat(crawl.counter(CrawlCounters.http(429))).isEqualTo(pushBacks);
            assertThat(crawl.paces()).singleElement().satisfies(pace -> {
                assertThat(pace.origin()).isEqualTo(FaultCrawl.origin(shop, FaultHost.RATE_LIMITED));
                assertThat(pace.pushBacks()).isEqualTo(pushBacks);
                assertThat(pace.lastPushBack()).isEqualTo("HTTP 429 (Retry-After: 1)");
            });
            List<RequestRecord> requests = crawl.requests((int) (2 + FaultShop.CATALOGUE_PRODUCTS + pushBacks));
            assertPausedAfter(requests, shop.host(FaultHost.RATE_LIMITED), r -> r.status() == 429,
                    Duration.ofSeconds(RATE_LIMITED.retryAfterSeconds()));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    /**
     * Issue 13: a host that sheds load by resetting connections is slowed like one that pushes back:
     * every product is stored (each dropped page is retried), and the crawl learns the host's pace, so
     * it is dropped only a few times.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHostThatDropsConnectionsLosesNoProductAndIsSlowedLikeOneThatPushesBack() throws Exception {
        try (FaultShop shop = Testbed.startFaults(RATE_LIMITED)) {
            URI catalogue = shop.uri(FaultHost.DROPS_CONNECTIONS, "/catalogue");
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.DROPS_CONNECTIONS);
            config = config.withFetch(config.fetch().withMaxRetries(3));

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, catalogue);

            assertThat(crawl.counter(Counters.PRODUCTS)).isEqualTo(FaultShop.CATALOGUE_PRODUCTS);
            assertThat(crawl.failureCounters()).isEmpty();
            long drops = crawl.counter(CrawlCounters.RETRIES);
            assertThat(drops).as("dropped, and then seldom").isBetween(1L, FaultShop.CATALOGUE_PRODUCTS / 4L);
            assertThat(crawl.paces()).singleElement().satisfies(pace -> {
                assertThat(pace.pushBacks()).isEqualTo(drops);
                assertThat(pace.lastPushBack()).startsWith("connection-reset: ");
            });
            List<RequestRecord> requests = crawl.requests((int) (2 + FaultShop.CATALOGUE_PRODUCTS + drops));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    /**
     * The pace a host taught one run is where the next one starts: a crawl stopped by its page budget
     * and resumed asks the rate-limited host for pages no faster than it had learned, and so is not
     * refused. (Its robots.txt, asked for first, may be: the resume starts the moment the first run
     * ends, sooner than the host allows, and that answer is waited out like any other.)
     */
    @Test
    void aPaceLearnedInOneRunIsKeptByTheResume() throws Exception {
        try (FaultShop shop = Testbed.startFaults(RATE_LIMITED)) {
            URI catalogue = shop.uri(FaultHost.RATE_LIMITED, "/catalogue");
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.RATE_LIMITED);
            FaultCrawl.Result first = FaultCrawl.crawl(shop, dir, config.withLimits(config.limits().withMaxPages(5)), catalogue);
            assertThat(first.summary().budgetSpent()).isTrue();
            assertThat(first.summary().unfinished()).isTrue();
            Duration learned = Duration.ofMillis(first.paces().get(0).delayMillis());
            assertThat(learned).as("learned by the first run").isGreaterThanOrEqualTo(RATE_LIMITED.minRequestGap());
            first.requests((int) (1 + first.counter(CrawlCounters.PAGES_FETCHED)));
            shop.requestLog().clear();

            FaultCrawl.Result resumed = FaultCrawl.resume(shop, dir, config.withLimits(config.limits().withMaxPages(10)));

            assertThat(resumed.counter(CrawlCounters.PAGES_FETCHED) - first.counter(CrawlCounters.PAGES_FETCHED)).isEqualTo(5);
            assertThat(resumed.counter(CrawlCounters.http(429))).as("no page refused after the resume")
                    .isEqualTo(first.counter(CrawlCounters.http(429)));
            shop.requestLog().awaitEntries(6, Duration.ofSeconds(10));
            List<RequestRecord> pages = shop.requestLog().entries().stream()
                    .filter(r -> !r.pathAndQuery().equals("/robots.txt")).toList();
            assertThat(pages).hasSize(5).allSatisfy(page -> assertThat(page.status()).isEqualTo(200));
            assertPolite(pages, learned, PERMITS);
        }
    }

    /**
     * Issue 13: a host that always says 429 ends the crawl cleanly. Past politeness.maxPushBacks
     * push-backs in a row the host is parked, saying why, and its URLs stay queued for a resume; none
     * is lost to a retry count.
     */
    @Test
    void aHostThatAlwaysPushesBackIsParkedSayingWhyWithItsUrlsStillQueued() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI[] pages = new URI[4];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = shop.uri(FaultHost.MAIN, Fault.TOO_MANY_REQUESTS.path() + "?n=" + i);
            }
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.MAIN);
            config = config.withPoliteness(config.politeness().withMaxPushBacks(2));

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, pages);

            assertThat(crawl.failureCounters()).isEmpty();
            assertThat(crawl.summary().queued()).isEqualTo(pages.length);
            assertThat(crawl.summary().parkedHosts()).isEqualTo(1);
            assertThat(crawl.parked()).singleElement().satisfies(parked -> {
                assertThat(parked.consecutiveFailures()).isEqualTo(3);
                assertThat(parked.reason()).isEqualTo("pushed back: HTTP 429 (Retry-After: 1)");
            });
            List<RequestRecord> requests = crawl.requests(1 + 3);
            assertPausedAfter(requests, shop.host(), r -> r.status() == 429, Duration.ofSeconds(FAULTS.retryAfterSeconds()));
            crawl.assertNothingLeaked();
        }
    }

    @Test
    void aFlakyPageIsFetchedOnItsRetry() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(Fault.FLAKY);

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.MAIN), page);

            assertThat(crawl.failureCounters()).isEmpty();
            assertThat(crawl.failures()).isEmpty();
            assertThat(crawl.counter(CrawlCounters.RETRIES)).isEqualTo(1);
            assertThat(crawl.counter(CrawlCounters.http(503))).isEqualTo(1);
            assertThat(crawl.counter(CrawlCounters.http(200))).isEqualTo(1);
            List<RequestRecord> requests = crawl.requests(3);
            assertThat(requests).extracting(RequestRecord::pathAndQuery, RequestRecord::status)
                    .containsExactly(tuple("/robots.txt", 200),
                            tuple(Fault.FLAKY.path(), 503),
                            tuple(Fault.FLAKY.path(), 200));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MISSING_CONTENT_TYPE", "LYING_CHARSET", "LYING_CHARSET_CYRILLIC"})
    void anHtmlPageWithAMissingOrWrongHeaderIsStillFetched(Fault fault) throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(fault);

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.MAIN), page);

            assertThat(crawl.failureCounters()).isEmpty();
            assertThat(crawl.failures()).isEmpty();
            assertThat(crawl.counter(CrawlCounters.http(200))).isEqualTo(1);
            List<RequestRecord> requests = crawl.requests(2);
            assertThat(crawl.pathsOn(FaultHost.MAIN, requests)).containsExactly("/robots.txt", fault.path());
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    /**
     * Issue 13: a page whose header names the wrong charset is stored in the charset its bytes and its own
     * {@code <meta charset>} are in. The case is windows-1251 served as utf-8; the testbed's older
     * one is UTF-8 served as ISO-8859-1.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "LYING_CHARSET,          Café Crème",
            "LYING_CHARSET_CYRILLIC, Кофеварка «Добрыня» ДК-1250",
    })
    void aPageWhoseHeaderLiesAboutItsCharsetIsStoredInTheCharsetOfItsBytes(Fault fault, String name) throws Exception {
        assertThat(name).isIn(Fault.LYING_CHARSET_PRODUCT, Fault.CYRILLIC_PRODUCT);
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.MAIN), shop.uri(fault));

            assertThat(crawl.failures()).isEmpty();
            List<String> names = new ArrayList<>();
            try (CrawlStore store = CrawlStore.openReadOnly(dir.resolve("crawl"))) {
                store.records().forEachProduct(product -> names.add(product.name()));
            }
            assertThat(names).containsExactly(name);
            crawl.assertNothingLeaked();
        }
    }

    @Test
    void aRedirectLoopIsCutAfterOneRoundAndCountedAsARedirectFailure() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(Fault.REDIRECT_LOOP);
            URI back = shop.uri(FaultHost.MAIN, "/fault/redirect-loop-b");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.MAIN), page);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("redirect-limit", 1L));
            assertThat(crawl.failureOf(back).failureClass()).isEqualTo("redirect-limit");
            assertThat(crawl.failureOf(back).message()).startsWith("redirect loop: " + page);
            assertThat(crawl.counter(CrawlCounters.PAGES_FAILED)).isEqualTo(1);
            List<RequestRecord> requests = crawl.requests(3);
            assertThat(crawl.pathsOn(FaultHost.MAIN, requests))
                    .containsExactly("/robots.txt", Fault.REDIRECT_LOOP.path(), "/fault/redirect-loop-b");
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void aRedirectChainThatNeverEndsIsCutAtTheHopLimit() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.MAIN);
            int hops = config.fetch().maxRedirects();

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, shop.uri(Fault.REDIRECT_CHAIN));

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("redirect-limit", 1L));
            assertThat(crawl.failureOf(shop.uri(FaultHost.MAIN, "/fault/redirect-chain/" + hops)).failureClass())
                    .isEqualTo("redirect-limit");
            List<RequestRecord> requests = crawl.requests(2 + hops);
            List<String> chain = new ArrayList<>();
            for (int hop = 0; hop <= hops; hop++) {
                chain.add("/fault/redirect-chain/" + hop);
            }
            assertThat(crawl.pathsOn(FaultHost.MAIN, requests)).containsExactlyElementsOf(concat("/robots.txt", chain));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void aRedirectToAHostOutsideTheScopeIsSkippedAndThatHostNeverContacted() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(Fault.REDIRECT_OTHER_HOST);

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.MAIN), page);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("out-of-scope", 1L));
            assertThat(crawl.failureOf(page).failureClass()).isEqualTo("out-of-scope");
            assertThat(crawl.counter(CrawlCounters.URLS_SKIPPED)).isEqualTo(1);
            assertThat(crawl.counter(CrawlCounters.PAGES_FAILED)).isZero();
            List<RequestRecord> requests = crawl.requests(2);
            assertThat(requests).extracting(RequestRecord::host).containsOnly(shop.host(FaultHost.MAIN));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void aRedirectToAnotherHostInScopeIsFollowedUnderThatHostsRobotsAndPoliteness() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(Fault.REDIRECT_OTHER_HOST);
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.MAIN, FaultHost.REDIRECT_TARGET);
            // The target is no seed's host and resolves to loopback: only allowed when private addresses are.
            config = config.withScope(config.scope().withAllowPrivateAddresses(true));

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, page);

            assertThat(crawl.failureCounters()).as("/private/secret on the target").isEqualTo(Map.of("robots-denied", 1L));
            assertThat(crawl.failureOf(shop.uri(FaultHost.REDIRECT_TARGET, "/private/secret")).failureClass())
                    .isEqualTo("robots-denied");
            assertThat(crawl.counter(CrawlCounters.http(301))).isEqualTo(1);
            assertThat(crawl.counter(CrawlCounters.http(200))).as("/landing and /landing/more").isEqualTo(2);
            List<RequestRecord> requests = crawl.requests(5);
            assertThat(crawl.pathsOn(FaultHost.MAIN, requests)).containsExactly("/robots.txt", Fault.REDIRECT_OTHER_HOST.path());
            assertThat(crawl.pathsOn(FaultHost.REDIRECT_TARGET, requests))
                    .containsExactly("/robots.txt", "/landing", "/landing/more");
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void aRedirectToAnotherHostOnAPrivateAddressIsRefusedWithoutContactingIt() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI page = shop.uri(Fault.REDIRECT_OTHER_HOST);

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir,
                    FaultCrawl.config(shop, FaultHost.MAIN, FaultHost.REDIRECT_TARGET), page);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("blocked-address", 1L));
            assertThat(crawl.failureOf(shop.uri(FaultHost.REDIRECT_TARGET, "/landing")).failureClass())
                    .isEqualTo("blocked-address");
            assertThat(crawl.counter(CrawlCounters.URLS_SKIPPED)).isEqualTo(1);
            List<RequestRecord> requests = crawl.requests(2);
            assertThat(requests).extracting(RequestRecord::host).containsOnly(shop.host(FaultHost.MAIN));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    /**
     * Issue 13: a robots.txt that keeps failing parks its host; it does not purge it. No page of it is
     * fetched, and none is settled as robots-denied: every URL stays queued for a resume.
     */
    @Test
    void aRobotsTxtAnswering500IsRetriedThenItsHostIsParkedWithEveryUrlStillQueued() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI landing = shop.uri(FaultHost.ROBOTS_500, "/landing");
            URI more = shop.uri(FaultHost.ROBOTS_500, "/landing/more");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.ROBOTS_500), landing, more);

            assertThat(crawl.failureCounters()).as("nothing settled, robots-denied least of all").isEmpty();
            assertThat(crawl.failures()).isEmpty();
            assertThat(crawl.counter(Counters.HOSTS_PARKED)).isEqualTo(1);
            assertThat(crawl.summary().queued()).as("left queued for a resume").isEqualTo(2);
            assertThat(crawl.summary().parkedHosts()).isEqualTo(1);
            assertThat(crawl.summary().unfinished()).isTrue();
            assertThat(crawl.counter(CrawlCounters.PAGES_FETCHED)).isZero();
            List<RequestRecord> requests = crawl.requests(1 + MAX_RETRIES);
            assertThat(crawl.pathsOn(FaultHost.ROBOTS_500, requests)).containsOnly("/robots.txt");
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    /**
     * Issue 13: a robots.txt refused with 429 and {@code Retry-After} is asked for again only once the
     * host's pause has passed (the retry backoff alone would ask sooner), and then obeyed.
     */
    @Test
    void aRobotsTxtRefusedWithRetryAfterIsAskedForAgainOnlyAfterThePause() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI landing = shop.uri(FaultHost.ROBOTS_RATE_LIMITED, "/landing");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.ROBOTS_RATE_LIMITED), landing);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("robots-denied", 1L));
            assertThat(crawl.counter(CrawlCounters.http(200))).as("/landing and /landing/more").isEqualTo(2);
            List<RequestRecord> requests = crawl.requests(4);
            assertThat(crawl.pathsOn(FaultHost.ROBOTS_RATE_LIMITED, requests))
                    .containsExactly("/robots.txt", "/robots.txt", "/landing", "/landing/more");
            assertPausedAfter(requests, shop.host(FaultHost.ROBOTS_RATE_LIMITED), r -> r.status() == 429,
                    Duration.ofSeconds(FAULTS.retryAfterSeconds()));
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void aRobotsTxtAnswering404AllowsEveryPage() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI landing = shop.uri(FaultHost.ROBOTS_404, "/landing");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.ROBOTS_404), landing);

            assertThat(crawl.failureCounters()).isEmpty();
            assertThat(crawl.counter(CrawlCounters.http(200))).isEqualTo(3);
            List<RequestRecord> requests = crawl.requests(4);
            assertThat(crawl.pathsOn(FaultHost.ROBOTS_404, requests))
                    .containsExactly("/robots.txt", "/landing", "/landing/more", "/private/secret");
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void aRedirectedRobotsTxtIsFollowedAndObeyed() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI landing = shop.uri(FaultHost.ROBOTS_REDIRECT, "/landing");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.ROBOTS_REDIRECT), landing);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("robots-denied", 1L));
            assertThat(crawl.failureOf(shop.uri(FaultHost.ROBOTS_REDIRECT, "/private/secret")).failureClass())
                    .isEqualTo("robots-denied");
            assertThat(crawl.counter(CrawlCounters.http(200))).isEqualTo(2);
            List<RequestRecord> requests = crawl.requests(4);
            assertThat(crawl.pathsOn(FaultHost.ROBOTS_REDIRECT, requests))
                    .containsExactly("/robots.txt", "/robots-moved.txt", "/landing", "/landing/more");
            crawl.assertNothingLeaked();
            assertPolite(requests, DELAY, PERMITS);
        }
    }

    @Test
    void aCrawlDelayInRobotsTxtSpacesEveryRequestToItsHost() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI landing = shop.uri(FaultHost.ROBOTS_CRAWL_DELAY, "/landing");

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, FaultCrawl.config(shop, FaultHost.ROBOTS_CRAWL_DELAY), landing);

            assertThat(crawl.failureCounters()).isEqualTo(Map.of("robots-denied", 1L));
            assertThat(crawl.counter(CrawlCounters.http(200))).isEqualTo(2);
            List<RequestRecord> requests = crawl.requests(3);
            assertThat(crawl.pathsOn(FaultHost.ROBOTS_CRAWL_DELAY, requests))
                    .containsExactly("/robots.txt", "/landing", "/landing/more");
            crawl.assertNothingLeaked();
            assertPolite(requests, Duration.ofSeconds(FAULTS.crawlDelaySeconds()), PERMITS);
        }
    }

    /**
     * Issue 13: a Crawl-delay above politeness.maxCrawlDelay used to make the robots parser disallow
     * everything, and every URL of the host was settled as denied. With crawlDelayAboveMax: skip the
     * host is parked, its URLs kept, and the reason recorded.
     */
    @Test
    void aCrawlDelayAboveTheMaxParksTheHostWithItsUrlsStillQueued() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI landing = shop.uri(FaultHost.ROBOTS_CRAWL_DELAY, "/landing");
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.ROBOTS_CRAWL_DELAY);
            config = config.withPoliteness(config.politeness().withMaxCrawlDelay(Duration.ofMillis(500)));

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, landing);

            assertThat(crawl.failureCounters()).isEmpty();
            assertThat(crawl.counter(Counters.HOSTS_PARKED)).isEqualTo(1);
            assertThat(crawl.summary().queued()).isEqualTo(1);
            assertThat(crawl.parked()).singleElement().satisfies(parked -> assertThat(parked.reason())
                    .isEqualTo("robots.txt asks for a Crawl-delay of 1 s, above politeness.maxCrawlDelay (500 ms); "
                            + "politeness.crawlDelayAboveMax: honour would crawl it that slowly"));
            List<RequestRecord> requests = crawl.requests(1);
            assertThat(crawl.pathsOn(FaultHost.ROBOTS_CRAWL_DELAY, requests)).containsExactly("/robots.txt");
            crawl.assertNothingLeaked();
        }
    }

    /** With crawlDelayAboveMax: honour, a Crawl-delay above the max is kept as robots.txt asks. */
    @Test
    void aCrawlDelayAboveTheMaxIsHonouredWhenTheConfigSaysSo() throws Exception {
        try (FaultShop shop = Testbed.startFaults(FAULTS)) {
            URI landing = shop.uri(FaultHost.ROBOTS_CRAWL_DELAY, "/landing");
            CrawlConfig config = FaultCrawl.config(shop, FaultHost.ROBOTS_CRAWL_DELAY);
            config = config.withPoliteness(config.politeness().withMaxCrawlDelay(Duration.ofMillis(500))
                    .withCrawlDelayAboveMax(CrawlConfig.CrawlDelayAboveMax.HONOUR));

            FaultCrawl.Result crawl = FaultCrawl.crawl(shop, dir, config, landing);

            assertThat(crawl.failureCounters()).as("/private/secret, which robots.txt does disallow")
                    .isEqualTo(Map.of("robots-denied", 1L));
            assertThat(crawl.counter(CrawlCounters.http(200))).isEqualTo(2);
            List<RequestRecord> requests = crawl.requests(3);
            assertThat(crawl.pathsOn(FaultHost.ROBOTS_CRAWL_DELAY, requests)).containsExactly("/robots.txt", "/landing", "/landing/more");
            crawl.assertNothingLeaked();
            assertPolite(requests, Duration.ofSeconds(FAULTS.crawlDelaySeconds()), PERMITS);
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
