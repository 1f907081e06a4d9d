package dev.crawler.core.schedule;

import java.time.Duration;

/**
 * A host's learned pace changed (or it pushed back once more), for the crawl store to keep: see
 * {@link LearnedPace}.
 *
 * @param delay        the learned delay; zero once the host has recovered
 * @param pushBacks    push-backs from the host over every run of the crawl
 * @param lastPushBack what the host said the last time it pushed back
 */
public record PaceChange(int hostId, String origin, Duration delay, long pushBacks, String lastPushBack) {
}
