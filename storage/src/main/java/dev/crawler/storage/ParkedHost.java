package dev.crawler.storage;

import java.time.Instant;

/**
 * A host the crawl stopped asking because it kept failing (to answer, to let its robots.txt be read, by
 * pushing back) or because its robots.txt asks for a pace the config will not keep; kept so that
 * {@code crawler status} can say which hosts were given up on, and why, and so that a resume tries
 * each again after the backoff it earned. One record per host: the last time it was parked, forgotten
 * once the host answers again.
 *
 * @param origin              the host key, e.g. {@code https://shop.example:443}
 * @param reason              what the last failure was, e.g. {@code connect: Connection refused}
 * @param consecutiveFailures the failures in a row that parked it; 0 for a host parked for what its robots.txt says
 * @param at                  when it was parked
 */
public record ParkedHost(String origin, String reason, int consecutiveFailures, Instant at) {
}
