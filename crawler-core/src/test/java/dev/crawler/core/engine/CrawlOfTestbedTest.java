package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.ProductRecord;
import dev.crawler.testbed.GroundTruth;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole path at once: 4 shops × 200 products crawled with no delay, judged by the testbed's ground truth and request log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlOfTestbedTest {
    private Testbed testbed;
    private CrawlSummary summary;
    private List<ProductRecord> products;

    @BeforeAll
    void crawlTheWholeTestbed(@TempDir Path dir) throws Exception {
        testbed = Testbed.start(TestbedConfig.defaults());
        summary = TestbedCrawl.run(testbed, dir.resolve("crawl"), TestbedCrawl.config(testbed, Duration.ZERO, 2));
        products = TestbedCrawl.products(dir.resolve("crawl"));
        // The testbed logs a request once its response is written, a moment after the crawler read it.
        testbed.requestLog().awaitEntries(testbed.groundTruth().expectedUrls().size(), Duration.ofSeconds(10));
    }

    @AfterAll
    void stopTestbed() {
        testbed.close();
    }

    private GroundTruth truth() {
        return testbed.groundTruth();
    }

    @Test
    void everyProductIsStoredExactlyOnceWithTheRightFields() {
        Map<String, ProductRecord> byUrl = products.stream().collect(Collectors.toMap(ProductRecord::url, Function.identity()));

        assertThat(products).hasSize(truth().products().size());
        assertThat(byUrl).hasSize(products.size());
        for (ProductTruth expected : truth().products()) {
            ProductRecord actual = byUrl.get(expected.url());
            assertThat(actual).as(expected.url()).isNotNull();
            assertThat(actual.name()).as("name of " + expected.url()).isEqualTo(expected.name());
            assertThat(actual.price()).as("price of " + expected.url()).isEqualByComparingTo(expected.price());
            assertThat(actual.currency()).as("currency of " + expected.url()).isEqualTo(expected.currency());
            assertThat(actual.sku()).as("sku of " + expected.url()).isEqualTo(expected.sku());
        }
    }

    @Test
    void everyUrlAPoliteCrawlerShouldFetchIsFetchedOnce() {
        List<String> requested = requestedUrls();

        assertThat(requested).containsAll(truth().expectedUrls());
        assertThat(requested).doesNotHaveDuplicates();
        assertThat(summary.failed()).as("the links that answer 404").isEqualTo(truth().notFoundUrls().size());
        assertThat(summary.skipped()).as("the disallowed links, settled unfetched").isEqualTo(truth().disallowedUrls().size());
    }

    @Test
    void noRobotsDisallowedUrlIsRequested() {
        assertThat(requestedUrls()).doesNotContainAnyElementsOf(truth().disallowedUrls());
        assertThat(testbed.requestLog().entries()).extracting(RequestRecord::pathAndQuery)
                .noneMatch(path -> path.startsWith("/private/") || path.startsWith("/cart"));
    }

    @Test
    void noHostOutsideTheCrawlIsContacted() {
        Set<String> hosts = testbed.requestLog().entries().stream().map(RequestRecord::host).collect(Collectors.toSet());

        assertThat(hosts).containsExactlyInAnyOrderElementsOf(testbed.shopHosts());
        assertThat(hosts).doesNotContainAnyElementsOf(truth().outsideHosts());
    }

    @Test
    void everyRequestCarriesTheCrawlersUserAgent() {
        assertThat(testbed.requestLog().entries()).extracting(RequestRecord::userAgent)
                .allMatch(agent -> agent.startsWith("ProductCrawler/"));
    }

    private List<String> requestedUrls() {
        return testbed.requestLog().entries().stream()
                .map(r -> "http://" + r.host() + ":" + testbed.port() + r.pathAndQuery())
                .toList();
    }
}
