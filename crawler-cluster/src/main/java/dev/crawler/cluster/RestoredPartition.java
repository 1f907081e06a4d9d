package dev.crawler.cluster;

import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageState;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The state of one partition's URLs read back from the state topic, for a member that takes the
 * partition over (or comes back to it): nothing to publish, only to apply, with the offsets it is
 * now applied up to. Beside the URLs, the state of each page read there ({@code pages}), what its
 * revisits need. Applied after the partition's {@link ProductBaselines}, so it also records how far
 * the products topic is applied ({@code productsUpTo}).
 */
record RestoredPartition(int partition, List<DiscoveredUrl> queue, List<String> settled, List<PageState> pages,
        long appliedUpTo, long productsUpTo, CompletableFuture<Boolean> applied) implements RestoreBatch {
    RestoredPartition {
        queue = List.copyOf(queue);
        settled = List.copyOf(settled);
        pages = List.copyOf(pages);
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
