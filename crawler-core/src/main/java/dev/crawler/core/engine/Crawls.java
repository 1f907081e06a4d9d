package dev.crawler.core.engine;

import dev.crawler.core.config.ConfigJson;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.url.Origin;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Creating a crawl directory and reopening one. */
public final class Crawls {
    private Crawls() {
    }

    /**
     * Creates the crawl in {@code directory} with its config and its seeds queued, atomically: a crawl
     * directory either holds all of that or does not exist.
     */
    public static CrawlStore create(Path directory, List<String> seeds, CrawlConfig config, StoreOptions options) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a crawl needs at least one seed URL");
        }
        List<DiscoveredUrl> queued = new ArrayList<>();
        Set<String> origins = new TreeSet<>();
        for (String seed : seeds) {
            String origin = Origin.of(seed).orElseThrow(() -> new IllegalArgumentException("not a crawlable URL: " + seed));
            queued.add(new DiscoveredUrl(seed, origin, 0, 0));
            origins.add(origin);
        }
        return CrawlStore.create(directory, ConfigJson.write(config), options, store -> {
            store.enqueue(queued);
            // The fetcher lets seeds' hosts, and only them, resolve to private addresses.
            store.recordSeedOrigins(origins);
        });
    }

    /** Reopens a crawl for writing, with the config it was created with. */
    public static CrawlStore open(Path directory, StoreOptions options) {
        return CrawlStore.open(directory, options);
    }

    public static CrawlConfig storedConfig(CrawlStore store) {
        return ConfigJson.read(store.configJson());
    }
}
