package dev.crawler.cluster;

import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageState;
import dev.crawler.storage.StoreJson;
import org.jspecify.annotations.Nullable;

/**
 * The value of a URL in the state topic (keyed by the URL): queued, or settled (fetched, failed for
 * good, or skipped). The topic is compacted, so it keeps each URL's latest state, which is all a member
 * needs to take the URL's host over. A settled page that was read carries what its revisits need
 * ({@code page}: validators, schedule, gone), so that its next owner revisits it as this one would
 * have; states written before revisits existed have none.
 */
record UrlState(String url, String origin, int depth, int priority, int redirectHops, boolean settled, @Nullable PageState page) {
    static UrlState queued(DiscoveredUrl url) {
        return new UrlState(url.url(), url.origin(), url.depth(), url.priority(), url.redirectHops(), false, null);
    }

    static UrlState settled(String url, String origin, @Nullable PageState page) {
        return new UrlState(url, origin, 0, 0, 0, true, page);
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
