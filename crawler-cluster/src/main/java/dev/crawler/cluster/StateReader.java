package dev.crawler.cluster;

import dev.crawler.storage.DiscoveredUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions of the state topic, each from an offset to its end (committed transactions only),
 * and folds each into its URLs' latest states: what a member needs to take the partition's hosts over.
 * Holds the partition's URLs in memory while it reads, about a hundred bytes each.
 */
final class StateReader {
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrap;
    private final CrawlTopics topics;

    StateReader(String bootstrap, CrawlTopics topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
    }

    /**
     * Reads the given partitions, each from its offset, with one consumer (starting a consumer costs
     * more than reading a small partition, and a member often gets many at once).
     *
     * @param from partition to the offset its local copy is applied up to
     */
    List<RestoredPartition> read(Map<Integer, Long> from) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        Map<Integer, Map<String, UrlState>> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap))) {
            List<TopicPartition> partitions = new ArrayList<>();
            from.keySet().forEach(partition -> partitions.add(new TopicPartition(topics.state(), partition)));
            consumer.assign(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long end = endOffsets.get(partition);
                consumer.seek(partition, Math.min(from.get(partition.partition()), end));
                ends.put(partition, end);
                latest.put(partition.partition(), new LinkedHashMap<>());
            }
            Map<TopicPartition, Long> reading = new HashMap<>(ends);
            reading.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            while (!reading.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    UrlState value = UrlState.of(record.value());
                    latest.get(record.partition()).put(value.url(), value);
                }
                reading.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        List<RestoredPartition> restored = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            List<DiscoveredUrl> queue = new ArrayList<>();
            List<String> settled = new ArrayList<>();
            for (UrlState value : latest.get(end.getKey().partition()).values()) {
                if (value.settled()) {
                    settled.add(value.url());
                } else {
                    queue.add(value.toDiscovered());
                }
            }
            restored.add(new RestoredPartition(end.getKey().partition(), queue, settled, end.getValue(), new CompletableFuture<>()));
        }
        return restored;
    }

}
