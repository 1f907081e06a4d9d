package dev.crawler.cluster;

import dev.crawler.storage.LatestByIdentity;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The product records of a whole cluster crawl, read from its products topic (committed transactions
 * only) to the end as it is now: the latest record of each identity, once, whichever member wrote it
 * and however often its page was fetched. What {@code crawler export --cluster} writes. The topic
 * holds every record ever written until compaction catches up, so the latest of each identity is
 * kept on disk ({@link LatestByIdentity}), not in the heap.
 */
public final class ProductsTopic {
    private static final Duration POLL = Duration.ofMillis(200);

    private ProductsTopic() {
    }

    /**
     * Hands every product of the crawl to {@code sink}, one record per identity, in identity order.
     *
     * @param scratch where the latest records wait on disk while the topic is read (a temporary
     *     directory is made under it and deleted after)
     */
    public static void forEachProduct(String bootstrap, String crawlId, Path scratch, Consumer<ProductRecord> sink) {
        String topic = CrawlTopics.of(crawlId).products();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new ClusterUnavailableException("the cluster has no crawl '" + crawlId + "' (no topic " + topic + ")");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            try (LatestByIdentity latest = new LatestByIdentity(scratch)) {
                while (!ends.isEmpty()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        latest.put(StoreJson.read(record.value(), ProductRecord.class));
                    }
                    ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
                }
                latest.forEach(sink);
            }
        }
    }
}
