package dev.crawler.core.coordination;

import java.util.concurrent.CompletableFuture;

/** What a {@link Coordination} tells the engine. Any thread; the engine hands each on without blocking. */
public interface CoordinationEvents {
    /**
     * Which hosts {@link Coordination#owns} has changed. The engine stops starting requests to hosts
     * no longer owned, and makes a host it now owns wait one politeness delay before its first
     * request, since its former owner may have sent one a moment ago.
     *
     * @return completed once no request to a host no longer owned is in flight or uncommitted: the
     *         point after which another member may fetch from them
     */
    CompletableFuture<Void> ownershipChanged();

    /** URLs (and settled URLs) from elsewhere for the local store; the committer applies them in order. */
    void arrived(Inbound batch);

    /** The crawl is being stopped everywhere: stop as for SIGTERM. */
    void stopRequested();

    /** Something changed that may end the crawl ({@link Coordination#finished}): look again now. */
    void wake();
}
