package dev.crawler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a cluster crawl stands, as Kafka sees it: its members and the partitions each owns, the links
 * sent to owners and not yet taken in, and the end offsets of the state and products topics (a record
 * counts each time it is written, and each transaction adds a marker; compaction later keeps the
 * latest record of each key).
 *
 * @param groupState    the consumer group's state (Stable, PreparingRebalance, Empty, ...)
 * @param members       member name to the partitions it owns
 * @param linksWaiting  links in the links topic beyond the offsets their owners have committed
 * @param linkRecords   the links topic's end offsets, summed
 * @param stateRecords  the state topic's end offsets, summed
 * @param productRecords the products topic's end offsets, summed
 * @param historyRecords the history topic's end offsets, summed: about one record per change observed
 *                       (and a marker per transaction that wrote any)
 */
public record ClusterStatus(String crawlId, int partitions, String groupState, Map<String, List<Integer>> members,
        long linksWaiting, long linkRecords, long stateRecords, long productRecords, long historyRecords) {
    private static final long TIMEOUT_S = 15;

    /** Asks the cluster; throws {@link ClusterUnavailableException} when it does not answer in time. */
    public static ClusterStatus of(String bootstrap, String crawlId) {
        CrawlTopics topics = CrawlTopics.of(crawlId);
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // The admin client refuses an API timeout shorter than its request timeout.
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TimeUnit.SECONDS.toMillis(TIMEOUT_S) / 2));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TimeUnit.SECONDS.toMillis(TIMEOUT_S)));
        try (Admin admin = Admin.create(properties)) {
            int partitions = new TopicSetup(admin, Duration.ofSeconds(TIMEOUT_S)).partitionsOf(topics)
                    .orElseThrow(() -> new ClusterUnavailableException("the cluster at " + bootstrap + " has no crawl '" + crawlId + "'"));
            String group = "crawler." + crawlId;
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<String, List<Integer>> members = new java.util.TreeMap<>();
            for (MemberDescription member : description.members()) {
                TreeSet<Integer> owned = new TreeSet<>();
                member.assignment().topicPartitions().forEach(partition -> owned.add(partition.partition()));
                members.put(member.groupInstanceId().orElse(member.consumerId()), new ArrayList<>(owned));
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = OpenTransactions.ends(admin, topics.everyPartition(partitions), IsolationLevel.READ_COMMITTED,
                    Duration.ofSeconds(TIMEOUT_S));
            long waiting = 0;
            long links = 0;
            long states = 0;
            long products = 0;
            long history = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                String topic = end.getKey().topic();
                if (topic.equals(topics.links())) {
                    links += end.getValue();
                    OffsetAndMetadata at = committed.get(end.getKey());
                    waiting += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
                } else if (topic.equals(topics.state())) {
                    states += end.getValue();
                } else if (topic.equals(topics.products())) {
                    products += end.getValue();
                } else if (topic.equals(topics.history())) {
                    history += end.getValue();
                }
            }
            return new ClusterStatus(crawlId, partitions, description.groupState().toString(), members, waiting, links, states, products,
                    history);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted asking the cluster at " + bootstrap, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterUnavailableException("the cluster at " + bootstrap + " did not answer: " + e.getMessage(), e);
        }
    }
}
