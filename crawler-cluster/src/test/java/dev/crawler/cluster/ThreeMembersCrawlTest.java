package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.CrawlEngine;
import dev.crawler.core.engine.Crawls;
import dev.crawler.core.engine.ProgressListener;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.url.Origin;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreOptions;
import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members crawl one testbed world through a real broker, each with its own store, and the
 * crawl's products equal those of the same world crawled by one process; no host ever has two
 * requests in flight at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeMembersCrawlTest {
    private static final int PARTITIONS = 12;

    private KafkaBroker broker;
    private Testbed testbed;
    private List<ProductRecord> alone;
    private List<ProductRecord> shared;
    private List<RequestRecord> sharedRequests;

    @BeforeAll
    void crawlTheWorldAloneAndAsThree(@TempDir Path dir) throws Exception {
        broker = KafkaBroker.start(dir.resolve("broker"));
        testbed = Testbed.start(TestbedConfig.defaults().withShops(8).withProductsPerShop(40));
        CrawlConfig config = config(testbed);
        List<String> seeds = testbed.homePages().stream().map(URI::toString).toList();

        try (CrawlStore store = Crawls.create(dir.resolve("alone"), seeds, config, StoreOptions.defaults());
                CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(ExtractionRules.none()),
                        ProgressListener.NONE, Duration.ofSeconds(30))) {
            engine.run();
            alone = new ArrayList<>();
            store.records().forEachProduct(alone::add);
        }
        testbed.requestLog().clear();

        ExecutorService members = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path memberDir = dir.resolve("member-" + i);
            String memberId = "member-" + i;
            running.add(members.submit(() -> runMember(memberDir, memberId, seeds, config)));
        }
        for (Future<?> member : running) {
            member.get(5, TimeUnit.MINUTES);
        }
        members.shutdown();
        shared = new ArrayList<>();
        ProductsTopic.forEachProduct(broker.bootstrap(), "three", Path.of(System.getProperty("java.io.tmpdir")), shared::add);
        sharedRequests = testbed.requestLog().entries();
    }

    private void runMember(Path dir, String memberId, List<String> seeds, CrawlConfig config) {
        ClusterSettings settings = new ClusterSettings(broker.bootstrap(), "three", PARTITIONS, memberId, Duration.ofSeconds(10));
        try (CrawlStore store = Crawls.createMember(dir, seeds, config, StoreOptions.defaults());
                ClusterMember member = new ClusterMember(settings, store)) {
            member.sendSeeds(Crawls.seedUrls(seeds));
            try (CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(ExtractionRules.none()),
                    ProgressListener.NONE, Duration.ofSeconds(30), member)) {
                engine.run();
            }
        }
    }

    private static CrawlConfig config(Testbed testbed) {
        Set<String> origins = new LinkedHashSet<>();
        for (URI home : testbed.homePages()) {
            origins.add(Origin.of(home).orElseThrow());
        }
        CrawlConfig defaults = CrawlConfig.defaults(origins);
        return defaults.withPoliteness(defaults.politeness().withDelay(Duration.ofMillis(5)).withPermitsPerHost(1));
    }

    @AfterAll
    void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theCrawlsProductsEqualThoseOfOneProcessCrawlingAlone() {
        assertThat(alone).isNotEmpty();
        assertThat(fields(shared)).containsExactlyInAnyOrderElementsOf(fields(alone));
    }

    @Test
    void noProductIsStoredTwice() {
        assertThat(shared).extracting(ProductRecord::identity).doesNotHaveDuplicates();
    }

    @Test
    void noHostEverHasTwoRequestsInFlightAtOnce() {
        Map<String, List<RequestRecord>> byHost = sharedRequests.stream().collect(Collectors.groupingBy(RequestRecord::host));
        for (Map.Entry<String, List<RequestRecord>> host : byHost.entrySet()) {
            List<RequestRecord> requests = new ArrayList<>(host.getValue());
            requests.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
            for (int i = 1; i < requests.size(); i++) {
                assertThat(requests.get(i).startNanos()).as("a request to %s began before the one before it ended", host.getKey())
                        .isGreaterThanOrEqualTo(requests.get(i - 1).endNanos());
            }
        }
    }

    @Test
    void everyPageIsFetchedOnceAndARobotsTxtOncePerMemberThatOwnedItsHost() {
        Map<String, Long> requests = sharedRequests.stream()
                .collect(Collectors.groupingBy(request -> request.host() + request.pathAndQuery(), Collectors.counting()));
        // A member that starts first owns every host until the others join, and may read a robots.txt
        // before its host moves; the new owner reads it again. Pages in flight are committed before a
        // host moves, so no page is fetched twice.
        assertThat(requests).allSatisfy((page, times) -> assertThat(times).as(page)
                .isLessThanOrEqualTo(page.endsWith("/robots.txt") ? 3L : 1L));
    }

    /** What a user compares in two exports: every field but when the page was fetched. */
    private static List<String> fields(List<ProductRecord> records) {
        return records.stream().map(r -> String.join("|", r.identity(), r.url(), String.valueOf(r.name()),
                String.valueOf(r.price()), String.valueOf(r.currency()), String.valueOf(r.sku()), String.valueOf(r.availability())))
                .toList();
    }
}
