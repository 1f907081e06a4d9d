package dev.crawler.core.schedule;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.storage.FrontierKey;
import dev.crawler.storage.QueuedUrl;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the scheduler knows about one host. Confined to the dispatcher thread.
 *
 * <p>Only the head of the host's queue lives here (a small prefetch buffer); the queue itself stays
 * on disk in the frontier.
 */
final class HostState {
    /** Weight of the newest response time in the moving average: about the last five responses count. */
    private static final double RESPONSE_WEIGHT = 0.3;

    final int hostId;
    final String origin;
    int permitsFree;
    long nextAllowedNanos;
    long crawlDelayNanos;
    boolean hasWork;
    boolean robotsLoading;
    int robotsAttempts;
    /** Exponentially weighted average of response times; 0 before the first answer. */
    long averageResponseNanos;
    /** Requests in a row that got no answer (DNS, connect, timeout); reset by any answer. */
    int consecutiveFailures;
    /** Push-backs in a row (429, 503 with Retry-After); reset by an answer that is none. */
    int consecutivePushBacks;
    /** The delay the host has taught us by pushing back. */
    final LearnedPace pace;
    /** What the host said the last time it pushed back. */
    String lastPushBack = "";
    String lastFailure = "";
    /** Whether this process fetches for the host (always, unless it is one member of a cluster). */
    boolean owned = true;
    /** Given up on for this run: never eligible again. */
    boolean parked;
    /** Parked in an earlier run and not heard from since: its next failure parks it again. */
    boolean onProbation;
    /** Every URL of the host is settled unfetched with this reason (its address is refused). */
    @Nullable Refusal refusal;
    final ArrayDeque<QueuedUrl> buffer = new ArrayDeque<>();
    /** Keys handed out and not yet committed: they are still in the frontier and must not be leased twice. */
    final Set<FrontierKey> leased = new HashSet<>();

    /** Why a host's URLs are settled without a request. */
    record Refusal(FailureClass failureClass, String message) {
    }

    HostState(int hostId, String origin, int permits, LearnedPace pace) {
        this.hostId = hostId;
        this.origin = origin;
        this.permitsFree = permits;
        this.pace = pace;
    }

    Set<FrontierKey> heldKeys() {
        Set<FrontierKey> held = new HashSet<>(leased);
        for (QueuedUrl queued : buffer) {
            held.add(queued.key());
        }
        return held;
    }

    /** Folds one response time into the moving average. */
    void observeResponse(long responseNanos) {
        long sample = Math.max(0, responseNanos);
        averageResponseNanos = averageResponseNanos == 0 ? sample
                : averageResponseNanos + (long) (RESPONSE_WEIGHT * (sample - averageResponseNanos));
    }

    boolean isEligible() {
        return owned && hasWork && !parked && (refusal != null || (permitsFree > 0 && !robotsLoading));
    }

    /** Work queued or in flight, and not parked. */
    boolean isActive() {
        return !parked && (hasWork || !leased.isEmpty());
    }
}
