package dev.crawler.cluster;

import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageState;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions of the state topic, each from an offset to its end (committed transactions only),
 * and folds each into its URLs' latest states; and the same partitions of the products topic into the
 * latest record of each product: what a member needs to take the partition's hosts over. Holds the
 * partition's URLs and products in memory while it reads, a few hundred bytes each.
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
     * Reads the given partitions, each from its offsets, with one consumer per topic (starting a
     * consumer costs more than reading a small partition, and a member often gets many at once).
     *
     * @param from         partition to the offset its local copy of the state is applied up to
     * @param productsFrom partition to the offset its local copy of the products is applied up to
     */
    List<RestoredPartition> read(Map<Integer, Long> from, Map<Integer, Long> productsFrom) {
        Map<Integer, Map<String, UrlState>> latest = new HashMap<>();
        Map<Integer, Long> ends = readToEnd(topics.state(), from, record -> {
            UrlState value = UrlState.of(record.value());
            latest.computeIfAbsent(record.partition(), p -> new LinkedHashMap<>()).put(value.url(), value);
        });
        Map<Integer, Map<String, ProductRecord>> products = new HashMap<>();
        Map<Integer, Long> productEnds = readToEnd(topics.products(), productsFrom, record -> {
            ProductRecord product = StoreJson.read(record.value(), ProductRecord.class);
            products.computeIfAbsent(record.partition(), p -> new HashMap<>()).merge(product.identity(), product,
                    (before, after) -> after.fetchedAt().isBefore(before.fetchedAt()) ? before : after);
        });
        List<RestoredPartition> restored = new ArrayList<>();
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            int partition = end.getKey();
            List<DiscoveredUrl> queue = new ArrayList<>();
            List<String> settled = new ArrayList<>();
            List<PageState> pages = new ArrayList<>();
            for (UrlState value : latest.getOrDefault(partition, Map.of()).values()) {
                if (value.settled()) {
                    settled.add(value.url());
                    if (value.page() != null) {
                        pages.add(value.page());
                    }
                } else {
                    queue.add(value.toDiscovered());
                }
            }
            restored.add(new RestoredPartition(partition, queue, settled, pages,
                    new ArrayList<>(products.getOrDefault(partition, Map.of()).values()), end.getValue(),
                    productEnds.getOrDefault(partition, productsFrom.getOrDefault(partition, 0L)), new CompletableFuture<>()));
        }
        return restored;
    }

    /** Hands every record of {@code topic}'s partitions from their offsets to their ends to {@code each}; returns the ends. */
    private Map<Integer, Long> readToEnd(String topic, Map<Integer, Long> from, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<Integer, Long> ends = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap))) {
            List<TopicPartition> partitions = new ArrayList<>();
            from.keySet().forEach(partition -> partitions.add(new TopicPartition(topic, partition)));
            consumer.assign(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> reading = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = endOffsets.get(partition);
                consumer.seek(partition, Math.min(from.get(partition.partition()), end));
                ends.put(partition.partition(), end);
                reading.put(partition, end);
            }
            reading.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            while (!reading.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    each.accept(record);
                }
                reading.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        return ends;
    }
}
