package dev.crawler.storage;

import java.time.Instant;

/**
 * A host the crawl stopped asking because it kept failing to answer; kept so that {@code crawler status}
 * can say which hosts were given up on, and why. One record per host: the last time it was parked.
 *
 * @param origin              the host key, e.g. {@code https://shop.example:443}
 * @param reason              what the last failure was, e.g. {@code connect: Connection refused}
 * @param consecutiveFailures the failures in a row that parked it
 * @param at                  when it was parked
 */
public record ParkedHost(String origin, String reason, int consecutiveFailures, Instant at) {
}
