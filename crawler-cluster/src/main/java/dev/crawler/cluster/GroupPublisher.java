package dev.crawler.cluster;

import dev.crawler.core.coordination.GroupWrite;
import dev.crawler.core.coordination.Inbound;
import dev.crawler.core.coordination.LocalWrite;
import dev.crawler.core.coordination.NotPublishedException;
import dev.crawler.core.revisit.RevisitRun;
import dev.crawler.storage.ChangeEvent;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.PageState;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jspecify.annotations.Nullable;

/**
 * Sends one commit group as one Kafka transaction (exactly-once v2), on the committer thread: the state
 * of every URL it settles or queues (to the state topic, in its host's partition, with what revisits
 * need of each page read), the product records (to the products topic, keyed by identity) and their
 * changes against the records they replace (to the history topic), the links to other members' hosts
 * (to the links topic, keyed by host), and the offsets of the links it takes in from the links topic.
 * Only once the transaction has committed does the local store apply the group, with the state- and
 * products-topic offsets it is then applied up to.
 *
 * <p>Links to hosts this member owns are recorded as queued in the state topic only if the local store
 * has never seen them: the topic keeps each URL's latest state, and a link to a page fetched long ago
 * must not turn it back into a queued one.
 */
final class GroupPublisher {
    private final Producer<byte[], byte[]> producer;
    private final CrawlTopics topics;
    private final HostPartitioner partitioner;
    private final CrawlStore store;
    private final IntPredicate ownsPartition;
    private final @Nullable RevisitRun revisitRun;
    private volatile long lastCommitNanos = System.nanoTime();
    /**
     * The producer can publish nothing more: it was fenced (another process runs with this member's
     * name), or it failed so that it cannot even abort a transaction (Kafka's fatal error state).
     */
    private volatile boolean unusable;

    GroupPublisher(Producer<byte[], byte[]> producer, CrawlTopics topics, HostPartitioner partitioner, CrawlStore store,
            IntPredicate ownsPartition) {
        this(producer, topics, partitioner, store, ownsPartition, null);
    }

    /** @param revisitRun when this run revisits, which pages of a part taken over it revisits; null otherwise */
    GroupPublisher(Producer<byte[], byte[]> producer, CrawlTopics topics, HostPartitioner partitioner, CrawlStore store,
            IntPredicate ownsPartition, @Nullable RevisitRun revisitRun) {
        this.producer = producer;
        this.topics = topics;
        this.partitioner = partitioner;
        this.store = store;
        this.ownsPartition = ownsPartition;
        this.revisitRun = revisitRun;
    }

    /** The transaction each publish runs in has these parts, gathered before it begins. */
    private final class Transaction {
        final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        final List<DiscoveredUrl> mine = new ArrayList<>();
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        /** The latest record of each identity in this transaction: a product found twice in one group compares with the one before. */
        final Map<String, ProductRecord> replaced = new HashMap<>();
        @Nullable ConsumerGroupMetadata group;

        /** Splits links into this member's (returned, to queue here) and the others' (sent to their owners). */
        List<DiscoveredUrl> route(List<DiscoveredUrl> links) {
            List<DiscoveredUrl> local = new ArrayList<>();
            for (DiscoveredUrl link : links) {
                String host = Hosts.of(link.origin());
                int partition = partitioner.partitionOf(host);
                if (ownsPartition.test(partition)) {
                    local.add(link);
                    mine.add(link);
                } else {
                    records.add(new ProducerRecord<>(topics.links(), partition, key(HostPartitioner.key(host)), StoreJson.write(link)));
                }
            }
            return local;
        }

        /**
         * The change events of {@code product} against the record it replaces, to the history topic: the
         * same events the store records when it applies the group, since it applies groups in the order
         * they are published and compares against the same record.
         */
        void changes(int partition, ProductRecord product) {
            ProductRecord before = replaced.containsKey(product.identity()) ? replaced.get(product.identity())
                    : store.records().product(product.identity()).orElse(null);
            replaced.put(product.identity(), product);
            if (before == null) {
                return;
            }
            for (ChangeEvent event : ChangeEvent.between(before, product)) {
                records.add(new ProducerRecord<>(topics.history(), partition, key(event.identity()), StoreJson.write(event)));
            }
        }

        void state(String url, String origin, UrlState state) {
            records.add(new ProducerRecord<>(topics.state(), partitioner.partitionOf(Hosts.of(origin)), key(url), state.toBytes()));
        }
    }

    LocalWrite publish(GroupWrite group) {
        if (unusable) {
            throw new NotPublishedException("this member's producer can publish nothing more");
        }
        Transaction tx = new Transaction();
        List<PageCommit> pages = new ArrayList<>(group.pages().size());
        for (GroupWrite.SettledPage page : group.pages()) {
            PageCommit commit = page.commit();
            tx.state(page.url(), page.origin(), commit.requeue()
                    .map(again -> UrlState.queued(new DiscoveredUrl(again.url(), page.origin(), again.depth(), again.priority(),
                            again.redirectHops())))
                    .orElseGet(() -> UrlState.settled(page.url(), page.origin(), commit.page().orElse(null))));
            int partition = partitioner.partitionOf(Hosts.of(page.origin()));
            for (ProductRecord product : commit.products()) {
                tx.records.add(new ProducerRecord<>(topics.products(), partition, key(product.identity()), StoreJson.write(product)));
                tx.changes(partition, product);
            }
            pages.add(commit.withDiscovered(tx.route(commit.discovered())));
        }
        List<DiscoveredUrl> queued = new ArrayList<>(tx.route(group.queued()));
        List<String> settled = new ArrayList<>();
        List<PageState> pageStates = new ArrayList<>();
        List<ProductRecord> products = new ArrayList<>();
        List<String> revisits = new ArrayList<>();
        Map<String, Long> applied = new HashMap<>();
        Instant now = Instant.now();
        for (Inbound batch : group.inbound()) {
            if (batch instanceof RestoredPartition restored) {
                queued.addAll(restored.queue());
                settled.addAll(restored.settled());
                pageStates.addAll(restored.pages());
                if (revisitRun != null) {
                    restored.pages().stream().filter(state -> revisitRun.revisits(state, now)).forEach(state -> revisits.add(state.url()));
                }
                applied.put(RestoredPartition.checkpoint(restored.partition()), restored.appliedUpTo());
                applied.put(RestoredPartition.productsCheckpoint(restored.partition()), restored.productsUpTo());
            } else if (batch instanceof ProductBaselines baselines) {
                products.addAll(baselines.products());
            } else if (batch instanceof PeerLinks links) {
                for (var entry : links.offsets().entrySet()) {
                    if (!ownsPartition.test(entry.getKey().partition())) {
                        throw new NotPublishedException("links of partition " + entry.getKey().partition()
                                + " arrived, and the partition has moved to another member since");
                    }
                    tx.offsets.merge(entry.getKey(), entry.getValue(), (a, b) -> a.offset() >= b.offset() ? a : b);
                }
                tx.mine.addAll(links.queue());
                queued.addAll(links.queue());
                tx.group = links.group();
            } else {
                throw new IllegalArgumentException("not a batch of this cluster: " + batch);
            }
        }
        for (DiscoveredUrl url : store.unseenAmong(tx.mine)) {
            tx.state(url.url(), url.origin(), UrlState.queued(url));
        }
        if (tx.records.isEmpty() && tx.offsets.isEmpty()) {
            return new LocalWrite(pages, queued, settled, pageStates, products, revisits, applied);
        }
        applied.putAll(commit(tx));
        return new LocalWrite(pages, queued, settled, pageStates, products, revisits, applied);
    }

    /** Runs the transaction; returns, per partition of the state and products topics it wrote to, the offset now applied up to. */
    private Map<String, Long> commit(Transaction tx) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(tx.records.size());
        try {
            producer.beginTransaction();
            for (ProducerRecord<byte[], byte[]> record : tx.records) {
                sent.add(producer.send(record));
            }
            if (!tx.offsets.isEmpty() && tx.group != null) {
                producer.sendOffsetsToTransaction(tx.offsets, tx.group);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            unusable = true;
            throw new NotPublishedException("this member's producer can publish nothing more: " + e, e);
        } catch (KafkaException e) {
            if (!aborted(e)) {
                // A producer in Kafka's fatal error state refuses every transactional call, the abort too
                // (an InvalidTxnStateException after the broker timed the transaction out, say). Going on
                // would fetch pages whose outcomes can never be published.
                unusable = true;
                throw new NotPublishedException("this member's producer can publish nothing more: the transaction failed ("
                        + e + ") and could not be aborted", e);
            }
            throw new NotPublishedException("the transaction failed: " + e, e);
        }
        lastCommitNanos = System.nanoTime();
        Map<String, Long> applied = new HashMap<>();
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = get(future);
            if (metadata.topic().equals(topics.state())) {
                applied.merge(RestoredPartition.checkpoint(metadata.partition()), metadata.offset() + 1, Math::max);
            } else if (metadata.topic().equals(topics.products())) {
                applied.merge(RestoredPartition.productsCheckpoint(metadata.partition()), metadata.offset() + 1, Math::max);
            }
        }
        return applied;
    }

    /** Aborts the failed transaction; false when the producer refuses even that. */
    private boolean aborted(KafkaException cause) {
        try {
            producer.abortTransaction();
            return true;
        } catch (KafkaException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /** A send of a committed transaction: done, since committing flushes every send first. */
    private static RecordMetadata get(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading a committed send", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a send of a committed transaction failed", e.getCause());
        }
    }

    long lastCommitNanos() {
        return lastCommitNanos;
    }

    /** Whether the producer can publish nothing more (fenced, or in Kafka's fatal error state). */
    boolean unusable() {
        return unusable;
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
