package dev.crawler.core.schedule;

/**
 * A host the scheduler has just parked: it failed to answer {@code consecutiveFailures} times in a row
 * and gets no more requests this run. Its queued URLs stay queued, so a later {@code resume} tries it
 * again.
 *
 * @param reason the last failure, e.g. {@code connect: Connection refused}
 */
public record Parking(int hostId, String origin, int consecutiveFailures, String reason) {
}
