package dev.crawler.cluster;

import dev.crawler.core.coordination.Inbound;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageState;
import dev.crawler.storage.ProductRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The state of one partition's URLs read back from the state topic, for a member that takes the
 * partition over (or comes back to it): nothing to publish, only to apply, with the offsets it is
 * now applied up to. Beside the URLs, what revisits need: the state of each page read there
 * ({@code pages}) and the latest record of each product the products topic holds for the partition
 * ({@code products}), so that the next visit here compares against what was last seen anywhere.
 */
record RestoredPartition(int partition, List<DiscoveredUrl> queue, List<String> settled, List<PageState> pages,
        List<ProductRecord> products, long appliedUpTo, long productsUpTo, CompletableFuture<Boolean> applied) implements Inbound {
    RestoredPartition {
        queue = List.copyOf(queue);
        settled = List.copyOf(settled);
        pages = List.copyOf(pages);
        products = List.copyOf(products);
    }

    /** The store's name for how far a partition's state is applied. */
    static String checkpoint(int partition) {
        return "state." + partition;
    }

    /** The store's name for how far a partition's products are applied. */
    static String productsCheckpoint(int partition) {
        return "products." + partition;
    }

    @Override
    public void done(boolean wasApplied) {
        applied.complete(wasApplied);
    }
}
