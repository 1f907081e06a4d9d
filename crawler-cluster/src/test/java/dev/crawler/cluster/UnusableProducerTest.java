package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.core.coordination.GroupWrite;
import dev.crawler.core.coordination.NotPublishedException;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.QueuedUrl;
import dev.crawler.storage.StoreOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer in Kafka's fatal error state refuses every transactional call, its abort too. Seen on a
 * real broker after it timed a member's transaction out (an {@code InvalidTxnStateException}); the
 * member then fetched on and could publish nothing. Kafka's own {@link MockProducer} stands in for
 * the broker here, because no broker times a transaction out on cue.
 */
class UnusableProducerTest {
    private static final String SHOP = "http://127.0.1.1:8080";

    @TempDir
    Path temp;

    @Test
    void aTransactionThatCannotEvenBeAbortedLeavesTheProducerUnusable() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            GroupPublisher publisher = new GroupPublisher(producer, CrawlTopics.of("t"), new HostPartitioner(4), store, partition -> true);

            producer.commitTransactionException = new KafkaException("the broker is busy");
            assertThatThrownBy(() -> publisher.publish(onePage(store, "/p/1"))).isInstanceOf(NotPublishedException.class);
            assertThat(publisher.unusable()).as("a transaction that failed and was aborted: try again later").isFalse();

            producer.commitTransactionException = new InvalidTxnStateException("the transaction timed out");
            producer.abortTransactionException = new KafkaException("Cannot execute transactional method because we are in an error state");
            assertThatThrownBy(() -> publisher.publish(onePage(store, "/p/2")))
                    .isInstanceOf(NotPublishedException.class).hasMessageContaining("could not be aborted");

            assertThat(publisher.unusable()).isTrue();
            producer.commitTransactionException = null;
            producer.abortTransactionException = null;
            assertThatThrownBy(() -> publisher.publish(onePage(store, "/p/3")))
                    .as("nothing more is tried with it").isInstanceOf(NotPublishedException.class);
        }
    }

    /** The outcome of one fetched page with one product, its URL queued first as a crawl would have it. */
    private static GroupWrite onePage(CrawlStore store, String path) {
        store.enqueue(List.of(new DiscoveredUrl(SHOP + path, SHOP, 0, 0)));
        QueuedUrl queued = store.peek(store.hostId(SHOP).orElseThrow(), 10, Set.of()).stream()
                .filter(q -> q.url().endsWith(path)).findFirst().orElseThrow();
        ProductRecord product = new ProductRecord(SHOP + path + "#sku:S", SHOP + path, "Lamp", new BigDecimal("12.50"), "EUR", "S",
                null, null, "InStock", null, null, null, "127.0.1.1", Instant.parse("2030-01-01T00:00:00Z"));
        PageCommit commit = new PageCommit(queued.key(), Optional.empty(), List.of(), List.of(product), Optional.empty(), Map.of());
        return new GroupWrite(List.of(new GroupWrite.SettledPage(SHOP + path, SHOP, commit)), List.of(), List.of());
    }
}
