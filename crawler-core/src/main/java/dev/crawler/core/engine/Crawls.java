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
        List<DiscoveredUrl> queued = seedUrls(seeds);
        return CrawlStore.create(directory, ConfigJson.write(config), options, store -> {
            store.enqueue(queued);
            // The fetcher lets seeds' hosts, and only them, resolve to private addresses.
            store.recordSeedOrigins(origins(queued));
        });
    }

    /**
     * Creates the directory of one member of a cluster crawl: its config and seed origins, and no seed
     * queued, since a seed belongs to the member that owns its host, which the cluster decides (every
     * member sends the seeds there: {@link #seedUrls}).
     */
    public static CrawlStore createMember(Path directory, List<String> seeds, CrawlConfig config, StoreOptions options) {
        return createMember(directory, seeds, config, options, store -> { });
    }

    /** Like {@link #createMember(Path, List, CrawlConfig, StoreOptions)}, and {@code initializer} records more in the new crawl. */
    public static CrawlStore createMember(Path directory, List<String> seeds, CrawlConfig config, StoreOptions options,
            java.util.function.Consumer<CrawlStore> initializer) {
        Set<String> origins = origins(seedUrls(seeds));
        return CrawlStore.create(directory, ConfigJson.write(config), options, store -> {
            store.recordSeedOrigins(origins);
            initializer.accept(store);
        });
    }

    /** The seeds as URLs to queue, each under its origin. */
    public static List<DiscoveredUrl> seedUrls(List<String> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a crawl needs at least one seed URL");
        }
        List<DiscoveredUrl> queued = new ArrayList<>();
        for (String seed : seeds) {
            String origin = Origin.of(seed).orElseThrow(() -> new IllegalArgumentException("not a crawlable URL: " + seed));
            queued.add(new DiscoveredUrl(seed, origin, 0, 0));
        }
        return queued;
    }

    private static Set<String> origins(List<DiscoveredUrl> seeds) {
        Set<String> origins = new TreeSet<>();
        seeds.forEach(seed -> origins.add(seed.origin()));
        return origins;
    }

    /** Reopens a crawl for writing, with the config it was created with. */
    public static CrawlStore open(Path directory, StoreOptions options) {
        return CrawlStore.open(directory, options);
    }

    public static CrawlConfig storedConfig(CrawlStore store) {
        return ConfigJson.read(store.configJson());
    }
}
