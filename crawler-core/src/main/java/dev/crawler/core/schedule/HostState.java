package dev.crawler.core.schedule;

import dev.crawler.storage.FrontierKey;
import dev.crawler.storage.QueuedUrl;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * What the scheduler knows about one host. Confined to the dispatcher thread.
 *
 * <p>Only the head of the host's queue lives here (a small prefetch buffer); the queue itself stays
 * on disk in the frontier.
 */
final class HostState {
    final int hostId;
    final String origin;
    int permitsFree;
    long nextAllowedNanos;
    long crawlDelayNanos;
    boolean hasWork;
    boolean robotsLoading;
    int robotsAttempts;
    final ArrayDeque<QueuedUrl> buffer = new ArrayDeque<>();
    /** Keys handed out and not yet committed: they are still in the frontier and must not be leased twice. */
    final Set<FrontierKey> leased = new HashSet<>();

    HostState(int hostId, String origin, int permits) {
        this.hostId = hostId;
        this.origin = origin;
        this.permitsFree = permits;
    }

    Set<FrontierKey> heldKeys() {
        Set<FrontierKey> held = new HashSet<>(leased);
        for (QueuedUrl queued : buffer) {
            held.add(queued.key());
        }
        return held;
    }

    boolean isEligible() {
        return hasWork && permitsFree > 0 && !robotsLoading;
    }
}
