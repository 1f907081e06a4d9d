package dev.crawler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one partition of the state topic, from an offset to its end (committed transactions only),
 * and folds it into each URL's latest state: what a member needs to take the partition's hosts over.
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

    RestoredPartition read(int partition, long from) {
        TopicPartition state = new TopicPartition(topics.state(), partition);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties())) {
            consumer.assign(List.of(state));
            long end = consumer.endOffsets(List.of(state)).get(state);
            consumer.seek(state, Math.min(from, end));
            Map<String, UrlState> latest = new LinkedHashMap<>();
            while (consumer.position(state) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    UrlState value = UrlState.of(record.value());
                    latest.put(value.url(), value);
                }
            }
            List<dev.crawler.storage.DiscoveredUrl> queue = new ArrayList<>();
            List<String> settled = new ArrayList<>();
            for (UrlState value : latest.values()) {
                if (value.settled()) {
                    settled.add(value.url());
                } else {
                    queue.add(value.toDiscovered());
                }
            }
            return new RestoredPartition(partition, queue, settled, end, new CompletableFuture<>());
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }
}
