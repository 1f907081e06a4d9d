package dev.crawler.cluster;

import dev.crawler.core.coordination.Inbound;
import dev.crawler.storage.DiscoveredUrl;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The state of one partition's URLs read back from the state topic, for a member that takes the
 * partition over (or comes back to it): nothing to publish, only to apply, with the offset it is
 * now applied up to.
 */
record RestoredPartition(int partition, List<DiscoveredUrl> queue, List<String> settled, long appliedUpTo,
        CompletableFuture<Boolean> applied) implements Inbound {
    RestoredPartition {
        queue = List.copyOf(queue);
        settled = List.copyOf(settled);
    }

    /** The store's name for how far a partition's state is applied. */
    static String checkpoint(int partition) {
        return "state." + partition;
    }

    @Override
    public void done(boolean wasApplied) {
        applied.complete(wasApplied);
    }
}
