package dev.crawler.core.engine;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.url.Origin;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreOptions;
import dev.crawler.testbed.Testbed;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a real crawl of a running testbed in this JVM, as the tests of the whole path need it. */
final class TestbedCrawl {
    private TestbedCrawl() {
    }

    static CrawlConfig config(Testbed testbed, Duration delay, int permits) {
        Set<String> origins = new LinkedHashSet<>();
        for (URI home : testbed.homePages()) {
            origins.add(Origin.of(home).orElseThrow());
        }
        CrawlConfig defaults = CrawlConfig.defaults(origins);
        return defaults.withPoliteness(defaults.politeness().withDelay(delay).withPermitsPerHost(permits));
    }

    static CrawlSummary run(Testbed testbed, Path dir, CrawlConfig config) {
        List<String> seeds = testbed.homePages().stream().map(URI::toString).toList();
        try (CrawlStore store = Crawls.create(dir, seeds, config, StoreOptions.defaults());
                CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(ExtractionRules.none()),
                        ProgressListener.NONE, Duration.ofSeconds(30))) {
            return engine.run();
        }
    }

    static List<ProductRecord> products(Path dir) {
        List<ProductRecord> products = new ArrayList<>();
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            store.records().forEachProduct(products::add);
        }
        return products;
    }
}
