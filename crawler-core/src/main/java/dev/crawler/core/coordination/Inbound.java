package dev.crawler.core.coordination;

import dev.crawler.storage.DiscoveredUrl;
import java.util.List;

/**
 * URLs that reach the local store from outside this process's own pages: links other members found
 * for hosts this process owns, or the state of hosts it takes over. The committer publishes them
 * with its next group (so that their source can say they were taken in) and then applies them.
 * A {@link Coordination} may hand the committer its own subtype, and finds it again in
 * {@link GroupWrite#inbound()}.
 */
public interface Inbound {
    /** URLs to queue unless already seen here. */
    List<DiscoveredUrl> queue();

    /** URLs settled elsewhere: never to be queued here. Most batches settle none. */
    default List<String> settled() {
        return List.of();
    }

    /** Called by the committer once the batch is durable in the local store (or will never be). */
    void done(boolean applied);
}
