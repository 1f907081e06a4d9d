package dev.crawler.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The waiting URLs of each host as {@link Frontier#hostQueues} counts them, over the queues and then
 * the retry lane, up to one limit of keys read in all: a huge frontier then costs a bounded time.
 */
final class HostQueuesTally {
    private final long maxKeys;
    /** Host id to {queued, retrying}, in host-id order. */
    private final Map<Integer, long[]> counts = new TreeMap<>();
    private final Map<Integer, Long> firstRetry = new HashMap<>();
    private long read;
    private boolean complete = true;

    HostQueuesTally(long maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Whether the key limit is reached: the caller stops reading, and says so with {@link #stoppedEarly}. */
    boolean full() {
        return read >= maxKeys;
    }

    void queued(int hostId) {
        counts.computeIfAbsent(hostId, id -> new long[2])[0]++;
        read++;
    }

    /** One URL of {@code hostId} in the retry lane; the lane is read in due order, so the first one is its next retry. */
    void retrying(int hostId, long notBeforeEpochMillis) {
        counts.computeIfAbsent(hostId, id -> new long[2])[1]++;
        firstRetry.putIfAbsent(hostId, notBeforeEpochMillis);
        read++;
    }

    /** Keys were left unread: the counts are lower bounds. */
    void stoppedEarly() {
        complete = false;
    }

    HostQueues result(IntFunction<String> originOf) {
        List<HostQueues.Host> hosts = new ArrayList<>(counts.size());
        counts.forEach((hostId, count) -> hosts.add(new HostQueues.Host(originOf.apply(hostId), count[0], count[1],
                Optional.ofNullable(firstRetry.get(hostId)).map(Instant::ofEpochMilli))));
        return new HostQueues(hosts, complete);
    }
}
