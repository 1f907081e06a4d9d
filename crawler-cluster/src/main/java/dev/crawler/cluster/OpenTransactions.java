package dev.crawler.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the partitions in which a transaction is still undecided. Readers of committed records see
 * nothing of such a partition past the transaction's first record, not even what later transactions
 * of other members committed, until it commits or the broker aborts it. A member killed mid-commit
 * leaves one open until the broker times it out ({@link ClusterSettings#transactionTimeout()}).
 */
final class OpenTransactions {
    private OpenTransactions() {
    }

    /**
     * The partitions among {@code partitions} whose last stable offset is behind their end, each to the
     * end it must reach (everything written so far is decided once it does).
     */
    static Map<TopicPartition, Long> in(Admin admin, Collection<TopicPartition> partitions, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> stable = ends(admin, partitions, IsolationLevel.READ_COMMITTED, timeout);
        Map<TopicPartition, Long> written = ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED, timeout);
        Map<TopicPartition, Long> open = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        written.forEach((partition, end) -> {
            if (stable.get(partition) < end) {
                open.put(partition, end);
            }
        });
        return open;
    }

    /** The end offsets of {@code partitions} as a reader at {@code isolation} sees them. */
    static Map<TopicPartition, Long> ends(Admin admin, Collection<TopicPartition> partitions, IsolationLevel isolation, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}
