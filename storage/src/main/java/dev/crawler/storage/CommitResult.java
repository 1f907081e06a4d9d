package dev.crawler.storage;

import java.util.Map;

/**
 * What a commit added to the frontier.
 *
 * @param queuedByHost host id to the number of URLs newly queued for it
 */
public record CommitResult(Map<Integer, Integer> queuedByHost) {
    public CommitResult {
        queuedByHost = Map.copyOf(queuedByHost);
    }
}
