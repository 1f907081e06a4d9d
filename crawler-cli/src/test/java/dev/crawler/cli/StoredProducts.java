package dev.crawler.cli;

import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.QueuedUrl;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Product records written straight into a new crawl directory, as the committer would write them, for export tests. */
public final class StoredProducts {
    private static final String PAGE_ORIGIN = "http://127.0.1.1:80";

    private StoredProducts() {
    }

    /** A new crawl in {@code dir} holding the products as the outcome of its one page; the store is left open. */
    public static CrawlStore create(Path dir, List<ProductRecord> products) {
        return create(dir, List.of(products).iterator());
    }

    /** The same, one commit a batch, for more products than one commit should hold. */
    public static CrawlStore create(Path dir, Iterator<List<ProductRecord>> batches) {
        CrawlStore store = CrawlStore.create(dir, "{}", StoreOptions.defaults());
        store.enqueue(List.of(new DiscoveredUrl(PAGE_ORIGIN + "/", PAGE_ORIGIN, 0, 0)));
        QueuedUrl page = store.peek(0, 1, Set.of()).get(0);
        while (batches.hasNext()) {
            store.commit(List.of(new PageCommit(page.key(), Optional.empty(), List.of(), batches.next(), Optional.empty(), Map.of())));
        }
        return store;
    }
}
