package dev.crawler.core.engine;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.url.Origin;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a real crawl of some seeds in this JVM, and reads back what it stored. */
final class SeedCrawl {
    private SeedCrawl() {
    }

    /** The defaults crawling the seeds' origins, with a short delay (the servers are on loopback). */
    static CrawlConfig config(List<URI> seeds) {
        Set<String> origins = new LinkedHashSet<>();
        for (URI seed : seeds) {
            origins.add(Origin.of(seed).orElseThrow());
        }
        CrawlConfig defaults = CrawlConfig.defaults(origins);
        return defaults.withPoliteness(defaults.politeness().withDelay(Duration.ofMillis(20)));
    }

    /** Crawls until the crawl runs out of work; the store is closed when this returns. */
    static CrawlSummary run(List<URI> seeds, Path dir, CrawlConfig config) {
        try (CrawlStore store = Crawls.create(dir, seeds.stream().map(URI::toString).toList(), config, StoreOptions.defaults());
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

    static List<FailureRecord> failures(Path dir) {
        List<FailureRecord> failures = new ArrayList<>();
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            store.records().forEachFailure(failures::add);
        }
        return failures;
    }
}
