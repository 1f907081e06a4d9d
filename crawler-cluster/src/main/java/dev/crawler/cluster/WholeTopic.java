package dev.crawler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one of a crawl's topics from its beginning to its end as it is now
 * (committed transactions only), for an export. Everything written before the read began is in it: a
 * transaction still undecided then (a member killed mid-commit leaves one until the broker aborts it)
 * is waited for, since nothing written after it could be read before.
 */
final class WholeTopic {
    private static final Logger LOG = LoggerFactory.getLogger(WholeTopic.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ASK = Duration.ofSeconds(30);
    private static final Duration ASK_AGAIN = Duration.ofMillis(500);
    private static final Duration SAY_AGAIN = Duration.ofSeconds(10);
    /** The broker looks for timed-out transactions every 10 s by default, and aborts them then. */
    private static final Duration WAIT_FOR_UNDECIDED = ClusterSettings.longestTransactionTimeout().plusMinutes(1);

    private WholeTopic() {
    }

    /** Hands the value of every record of {@code topic} of the crawl {@code crawlId} to {@code each}, in no order across partitions. */
    static void read(String bootstrap, String crawlId, String topic, Consumer<byte[]> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new ClusterUnavailableException("the cluster has no crawl '" + crawlId + "' (no topic " + topic + ")");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(decidedEnds(bootstrap, partitions));
            ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            while (!ends.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    each.accept(record.value());
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
    }

    /**
     * The end of each partition once every transaction written to it before now is decided: the
     * committed end, after waiting for the undecided ones to commit or be aborted.
     */
    private static Map<TopicPartition, Long> decidedEnds(String bootstrap, List<TopicPartition> partitions) {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, Long> written = OpenTransactions.ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED, ASK);
            long startNanos = System.nanoTime();
            long sayNanos = startNanos;
            while (true) {
                Map<TopicPartition, Long> stable = OpenTransactions.ends(admin, partitions, IsolationLevel.READ_COMMITTED, ASK);
                List<Integer> waiting = partitions.stream().filter(partition -> stable.get(partition) < written.get(partition))
                        .map(TopicPartition::partition).sorted().toList();
                if (waiting.isEmpty()) {
                    return stable;
                }
                long now = System.nanoTime();
                Duration waited = Duration.ofNanos(now - startNanos);
                if (waited.compareTo(WAIT_FOR_UNDECIDED) > 0) {
                    throw new ClusterUnavailableException("a transaction in partition(s) " + waiting + " of " + partitions.get(0).topic()
                            + " is still undecided after " + waited.toSeconds() + " s, longer than any member's transaction may"
                            + " stay open; the broker should have aborted it. Nothing written there after it can be read yet");
                }
                if (now >= sayNanos) {
                    sayNanos = now + SAY_AGAIN.toNanos();
                    LOG.info("waiting for an undecided transaction in partition(s) {} of {}: records written after it cannot be read "
                            + "until it commits, or until the broker aborts it (a member killed mid-commit leaves one open for up to "
                            + "twice its session timeout)", waiting, partitions.get(0).topic());
                }
                Thread.sleep(ASK_AGAIN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted while waiting for the products topic's transactions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterUnavailableException("the cluster at " + bootstrap + " did not say where the products topic ends: "
                    + e.getMessage(), e);
        }
    }
}
