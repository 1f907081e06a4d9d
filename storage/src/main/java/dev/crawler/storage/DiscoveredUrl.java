package dev.crawler.storage;

/**
 * A URL found on a page (or given as a seed) that should be queued unless it was seen before.
 *
 * @param url      the canonical URL; the seen set is keyed by its fingerprint
 * @param origin   the host key it is queued under, e.g. {@code https://shop.example:443}
 * @param depth    link distance from a seed
 * @param priority 0 (most urgent) to 255
 * @param redirectHops how many redirects led here from a URL that was not itself a redirect target
 *                 (0 for a link or a seed; 0..255)
 */
public record DiscoveredUrl(String url, String origin, int depth, int priority, int redirectHops) {
    public DiscoveredUrl {
        if (url.isEmpty() || origin.isEmpty()) {
            throw new IllegalArgumentException("url and origin must not be empty");
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must be 0..255, was " + priority);
        }
        if (redirectHops < 0 || redirectHops > QueuedUrl.MAX_REDIRECT_HOPS) {
            throw new IllegalArgumentException("redirectHops must be 0.." + QueuedUrl.MAX_REDIRECT_HOPS + ", was " + redirectHops);
        }
    }

    /** A URL found as a link or given as a seed: no redirect led to it. */
    public DiscoveredUrl(String url, String origin, int depth, int priority) {
        this(url, origin, depth, priority, 0);
    }
}
