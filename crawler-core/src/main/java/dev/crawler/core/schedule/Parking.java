package dev.crawler.core.schedule;

/**
 * A host the scheduler has just parked: it failed {@code consecutiveFailures} times in a row (to answer,
 * to let robots.txt be read, or by pushing back), or its robots.txt asks for a pace the config will not
 * keep, and it gets no more requests this run. Its queued URLs stay queued, so a later {@code resume}
 * tries it again.
 *
 * @param consecutiveFailures the failures in a row that parked it; 0 when it was parked for what it said
 * @param reason the last failure or the reason, e.g. {@code connect: Connection refused}
 */
public record Parking(int hostId, String origin, int consecutiveFailures, String reason) {
}
