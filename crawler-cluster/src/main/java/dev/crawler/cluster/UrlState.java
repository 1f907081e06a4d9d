package dev.crawler.cluster;

import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.StoreJson;

/**
 * The value of a URL in the state topic (keyed by the URL): queued, or settled (fetched, failed for
 * good, or skipped). The topic is compacted, so it keeps each URL's latest state, which is all a member
 * needs to take the URL's host over.
 */
record UrlState(String url, String origin, int depth, int priority, int redirectHops, boolean settled) {
    static UrlState queued(DiscoveredUrl url) {
        return new UrlState(url.url(), url.origin(), url.depth(), url.priority(), url.redirectHops(), false);
    }

    static UrlState settled(String url, String origin) {
        return new UrlState(url, origin, 0, 0, 0, true);
    }

    DiscoveredUrl toDiscovered() {
        return new DiscoveredUrl(url, origin, depth, priority, redirectHops);
    }

    byte[] toBytes() {
        return StoreJson.write(this);
    }

    static UrlState of(byte[] bytes) {
        return StoreJson.read(bytes, UrlState.class);
    }
}
