package dev.crawler.cluster;

import dev.crawler.core.coordination.Inbound;
import java.util.concurrent.CompletableFuture;

/** One part of what a member restores when it takes a partition over, applied before the next is read. */
sealed interface RestoreBatch extends Inbound permits ProductBaselines, RestoredPartition {
    int partition();

    /** Completed once the committer has applied the part (true) or will never (false). */
    CompletableFuture<Boolean> applied();
}
