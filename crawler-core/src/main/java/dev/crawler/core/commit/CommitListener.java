package dev.crawler.core.commit;

import dev.crawler.core.coordination.Inbound;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.storage.CommitResult;
import java.util.List;

/** Hears from the committer thread what was written. Implementations must not block for long. */
public interface CommitListener {
    /** A group of outcomes is durable. */
    void committed(List<PageOutcome> group, CommitResult result);

    /** URLs handed to {@link Committer#enqueue} outside any page outcome are durable. */
    void enqueued(CommitResult result);

    /**
     * Batches from elsewhere ({@link Committer#receive}) were handled: applied, or (each told so by
     * {@link Inbound#done}) not.
     */
    default void arrived(List<Inbound> batches, CommitResult result) {
    }

    /**
     * A group could not be published to the other members of a cluster, so nothing of it was written:
     * its URLs are still queued, and no longer in flight.
     */
    default void notPublished(List<PageOutcome> group) {
    }

    /**
     * Planning {@code outcome} threw (a bug); its URL is settled as an internal failure with the next
     * write. The committer neither logs nor counts it: the listener does, once.
     */
    void internalError(PageOutcome outcome, Throwable error);

    /** Writing failed (a full disk, a broken store): nothing of the group was written, and no more will be. */
    void commitFailed(List<PageOutcome> group, RuntimeException error);
}
