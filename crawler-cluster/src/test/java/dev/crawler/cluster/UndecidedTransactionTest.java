package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A member killed mid-commit leaves its transaction open until the broker aborts it, and until then
 * readers of committed records see nothing past its first record in the partitions it wrote to, not
 * even what other members committed after it. The crawl and its export must wait for it, not take
 * what is readable for all there is.
 */
@Timeout(120)
class UndecidedTransactionTest extends OnABroker {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void onlyAPartitionWithAnOpenTransactionIsUndecided() throws Exception {
        CrawlTopics topics = CrawlTopics.of("undecided-open");
        new TopicSetup(admin, TIMEOUT).ensure(topics, 2);
        TopicPartition committed = new TopicPartition(topics.products(), 0);
        TopicPartition open = new TopicPartition(topics.products(), 1);
        try (KafkaProducer<byte[], byte[]> member = producer("member-open", Duration.ofMinutes(1))) {
            member.initTransactions();
            member.beginTransaction();
            member.send(productRecord(topics, 0, "chair"));
            member.commitTransaction();
            member.beginTransaction();
            member.send(productRecord(topics, 1, "lamp"));
            member.flush();

            assertThat(OpenTransactions.in(admin, List.of(committed, open), TIMEOUT)).containsOnlyKeys(open);

            member.abortTransaction();
        }
    }

    @Test
    void theExportWaitsForAKilledMembersTransactionAndHasWhatOthersCommittedAfterIt() throws Exception {
        CrawlTopics topics = CrawlTopics.of("undecided-export");
        new TopicSetup(admin, TIMEOUT).ensure(topics, 2);
        // The killed member's transaction: the broker aborts it after its timeout, as it would a dead member's.
        KafkaProducer<byte[], byte[]> killed = producer("killed-export", Duration.ofSeconds(3));
        try (KafkaProducer<byte[], byte[]> survivor = producer("survivor", Duration.ofMinutes(1))) {
            killed.initTransactions();
            killed.beginTransaction();
            killed.send(productRecord(topics, 0, "uncommitted-lamp"));
            killed.flush();

            survivor.initTransactions();
            survivor.beginTransaction();
            survivor.send(productRecord(topics, 0, "lamp"));
            survivor.send(productRecord(topics, 1, "chair"));
            survivor.commitTransaction();

            List<String> exported = new ArrayList<>();
            ProductsTopic.forEachProduct(broker.bootstrap(), "undecided-export", temp, product -> exported.add(product.name()));

            assertThat(exported).containsExactlyInAnyOrder("lamp", "chair");
        } finally {
            killed.close(Duration.ZERO);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String transactionalId, Duration transactionTimeout) {
        Properties properties = KafkaClients.producer(broker.bootstrap());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(transactionTimeout.toMillis()));
        return new KafkaProducer<>(properties);
    }

    private static ProducerRecord<byte[], byte[]> productRecord(CrawlTopics topics, int partition, String name) {
        String url = "http://127.0.1.1:8080/p/" + name;
        ProductRecord product = new ProductRecord(url, url, name, new BigDecimal("12.50"), "EUR", null, null, null, "InStock", null,
                null, null, "127.0.1.1", Instant.parse("2026-12-07T06:00:00Z"));
        return new ProducerRecord<>(topics.products(), partition, url.getBytes(StandardCharsets.UTF_8), StoreJson.write(product));
    }
}
