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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what a member needs to take partitions over, one partition at a time, each from the offsets
 * its local copy is applied up to, to its end (committed transactions only): the latest record of each
 * product in the products topic, in parts of at most {@link #PRODUCTS_PER_PART}, and then its URLs'
 * latest states in the state topic, folded into one {@link RestoredPartition}. Each is handed to a
 * sink that applies it before the next is read, so memory holds one partition's URL states (a few
 * hundred bytes each) and one part of its products at a time.
 */
final class StateReader {
    private static final Duration POLL = Duration.ofMillis(200);
    static final int PRODUCTS_PER_PART = 10_000;

    private final String bootstrap;
    private final CrawlTopics topics;
    private final int productsPerPart;

    StateReader(String bootstrap, CrawlTopics topics) {
        this(bootstrap, topics, PRODUCTS_PER_PART);
    }

    StateReader(String bootstrap, CrawlTopics topics, int productsPerPart) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.productsPerPart = productsPerPart;
    }

    /**
     * Reads the given partitions, in partition order, with one consumer per topic (starting a consumer
     * costs more than reading a small partition, and a member often gets many at once).
     *
     * @param from         partition to the offset its local copy of the state is applied up to
     * @param productsFrom partition to the offset its local copy of the products is applied up to
     * @param sink         applies each {@link ProductBaselines} and {@link RestoredPartition}, and returns once it has
     */
    void read(Map<Integer, Long> from, Map<Integer, Long> productsFrom, Consumer<RestoreBatch> sink) {
        try (KafkaConsumer<byte[], byte[]> states = new KafkaConsumer<>(KafkaClients.consumer(bootstrap));
                KafkaConsumer<byte[], byte[]> products = new KafkaConsumer<>(KafkaClients.consumer(bootstrap))) {
            for (int partition : new TreeSet<>(from.keySet())) {
                long productsFromHere = productsFrom.getOrDefault(partition, 0L);
                long productsUpTo = readProducts(products, partition, productsFromHere, sink);
                Map<String, UrlState> latest = new LinkedHashMap<>();
                long appliedUpTo = readToEnd(states, new TopicPartition(topics.state(), partition), from.get(partition), record -> {
                    UrlState value = UrlState.of(record.value());
                    latest.put(value.url(), value);
                });
                sink.accept(restored(partition, latest, appliedUpTo, productsUpTo));
            }
        }
    }

    /** Hands the partition's latest product records to {@code sink} in parts; returns the offset read up to. */
    private long readProducts(KafkaConsumer<byte[], byte[]> consumer, int partition, long from, Consumer<RestoreBatch> sink) {
        Map<String, ProductRecord> part = new HashMap<>();
        long upTo = readToEnd(consumer, new TopicPartition(topics.products(), partition), from, record -> {
            ProductRecord product = StoreJson.read(record.value(), ProductRecord.class);
            part.merge(product.identity(), product, (before, after) -> after.fetchedAt().isBefore(before.fetchedAt()) ? before : after);
            if (part.size() >= productsPerPart) {
                sink.accept(new ProductBaselines(partition, new ArrayList<>(part.values()), new CompletableFuture<>()));
                part.clear();
            }
        });
        if (!part.isEmpty()) {
            sink.accept(new ProductBaselines(partition, new ArrayList<>(part.values()), new CompletableFuture<>()));
        }
        return upTo;
    }

    private static RestoredPartition restored(int partition, Map<String, UrlState> latest, long appliedUpTo, long productsUpTo) {
        List<DiscoveredUrl> queue = new ArrayList<>();
        List<String> settled = new ArrayList<>();
        List<PageState> pages = new ArrayList<>();
        for (UrlState value : latest.values()) {
            if (value.settled()) {
                settled.add(value.url());
                if (value.page() != null) {
                    pages.add(value.page());
                }
            } else {
                queue.add(value.toDiscovered());
            }
        }
        return new RestoredPartition(partition, queue, settled, pages, appliedUpTo, productsUpTo, new CompletableFuture<>());
    }

    /** Hands every record of {@code partition} from {@code from} to its end to {@code each}; returns the end. */
    private static long readToEnd(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        consumer.seek(partition, Math.min(from, end));
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                each.accept(record);
            }
        }
        return end;
    }
}
