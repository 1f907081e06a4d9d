package dev.crawler.storage;

import java.time.Instant;

/**
 * The pace a host has taught the crawl by pushing back (a 429, a 503 with {@code Retry-After}, a
 * dropped connection): kept so that a resumed crawl starts at the pace it had learned, and so that
 * {@code crawler status} can show it. One record per host: its latest state.
 *
 * @param origin     the host key, e.g. {@code https://shop.example:443}
 * @param delayMillis the learned least time between two requests to the host; 0 once it has recovered
 * @param pushBacks  push-backs from the host over every run of the crawl
 * @param lastPushBack what the host said the last time it pushed back, e.g. {@code HTTP 429 (Retry-After: 5)}
 * @param at         when this was learned
 */
public record HostPace(String origin, long delayMillis, long pushBacks, String lastPushBack, Instant at) {
    public HostPace {
        if (origin.isEmpty() || delayMillis < 0 || pushBacks < 0) {
            throw new IllegalArgumentException("a host pace needs an origin and no negative numbers, was "
                    + origin + ", " + delayMillis + ", " + pushBacks);
        }
    }
}
