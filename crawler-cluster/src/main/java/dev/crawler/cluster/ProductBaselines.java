package dev.crawler.cluster;

import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.ProductRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Part of the latest product records of a partition a member takes over, read from the products
 * topic: taken into the local store so that the next visit here compares with what was last seen,
 * whoever saw it. A partition's records come in parts of bounded size, each applied before the next
 * is read, so a partition of any size is restored in bounded memory; a record replaces a stored one
 * only if it was fetched as late or later, so the parts may come in any order.
 */
record ProductBaselines(int partition, List<ProductRecord> products, CompletableFuture<Boolean> applied) implements RestoreBatch {
    ProductBaselines {
        products = List.copyOf(products);
    }

    @Override
    public List<DiscoveredUrl> queue() {
        return List.of();
    }

    @Override
    public void done(boolean wasApplied) {
        applied.complete(wasApplied);
    }
}
