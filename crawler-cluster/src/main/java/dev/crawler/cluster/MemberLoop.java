package dev.crawler.cluster;

import dev.crawler.core.coordination.CoordinationEvents;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.StoreJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's own thread, the only one that touches its consumer of the links topic: it takes links
 * in for the partitions the group gives it and hands them to the committer, restores a partition's
 * state when it gets one, lets a partition go only once nothing of it is in flight, says on the control
 * topic whether this member is idle, and looks whether the crawl is done.
 */
final class MemberLoop implements Runnable, ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(MemberLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Link batches handed to the committer and not yet applied, beyond which the consumer pauses. */
    private static final int MAX_OUTSTANDING = 4;
    private static final long LOOK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ClusterSettings settings;
    private final CrawlTopics topics;
    private final CrawlStore store;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ControlChannel control;
    private final DoneCheck doneCheck;
    private final StateReader stateReader;
    private final Set<Integer> owned;
    private final CoordinationEvents events;
    private final List<PeerLinks> outstanding = new ArrayList<>();
    /** Per partition, the offset up to which links were handed to the committer. */
    private final Map<TopicPartition, Long> handed = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean idleHere;
    private volatile boolean done;
    private volatile long lastInTouchNanos = System.nanoTime();
    private boolean saidIdle;
    private boolean saidAnything;
    private List<Integer> saidOwned = List.of();
    private boolean stopPassedOn;
    private long seq;
    private long nextLookNanos;

    MemberLoop(ClusterSettings settings, CrawlTopics topics, CrawlStore store, KafkaConsumer<byte[], byte[]> consumer,
            ControlChannel control, DoneCheck doneCheck, StateReader stateReader, Set<Integer> owned, CoordinationEvents events) {
        this.settings = settings;
        this.topics = topics;
        this.store = store;
        this.consumer = consumer;
        this.control = control;
        this.doneCheck = doneCheck;
        this.stateReader = stateReader;
        this.owned = owned;
        this.events = events;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.links()), this);
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                noteInTouch();
                settleOutstanding();
                if (!records.isEmpty()) {
                    say(false);
                    handOver(records);
                }
                if (outstanding.size() >= MAX_OUTSTANDING) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                control.read();
                if (control.stopSeen() && !stopPassedOn) {
                    stopPassedOn = true;
                    LOG.info("the crawl was stopped by a member; stopping");
                    events.stopRequested();
                }
                if (control.doneSeen() && !done) {
                    finish("another member found the crawl done");
                }
                lookWhetherDone();
            }
        } catch (WakeupException e) {
            // close() woke the consumer to end the loop.
        } catch (RuntimeException e) {
            LOG.error("the cluster member's loop failed; this member stops fetching", e);
            lastInTouchNanos = Long.MIN_VALUE / 2;
            events.stopRequested();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The links of one poll, as one batch for the committer, with the offsets consuming them moves to. */
    private void handOver(ConsumerRecords<byte[], byte[]> records) {
        List<DiscoveredUrl> links = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            links.add(StoreJson.read(record.value(), DiscoveredUrl.class));
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        hand(links, offsets);
    }

    private void hand(List<DiscoveredUrl> links, Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> handed.merge(partition, offset.offset(), Math::max));
        PeerLinks batch = new PeerLinks(links, offsets, consumer.groupMetadata(), new CompletableFuture<>());
        outstanding.add(batch);
        events.arrived(batch);
    }

    /**
     * Forgets applied batches; a batch that was not (its transaction failed) is read again from the
     * last committed offset of each of its partitions that this member still has.
     */
    private void settleOutstanding() {
        for (Iterator<PeerLinks> it = outstanding.iterator(); it.hasNext(); ) {
            PeerLinks batch = it.next();
            if (!batch.applied().isDone()) {
                continue;
            }
            it.remove();
            if (!batch.applied().join()) {
                rewind(batch.offsets().keySet());
            }
        }
    }

    private void rewind(Collection<TopicPartition> partitions) {
        List<TopicPartition> mine = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (consumer.assignment().contains(partition)) {
                mine.add(partition);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(mine));
        for (TopicPartition partition : mine) {
            OffsetAndMetadata at = committed.get(partition);
            consumer.seek(partition, at == null ? 0 : at.offset());
            handed.remove(partition);
        }
    }

    /**
     * When this member is idle: moves its committed offsets past the transaction markers that follow the
     * last links it took in (they count in a partition's end offset, and the crawl is done only when
     * committed offsets reach the ends), says it is idle, and every second looks whether the crawl is done.
     */
    private void lookWhetherDone() {
        boolean idle = idleHere && outstanding.isEmpty();
        if (!idle) {
            if (saidIdle || !saidAnything) {
                say(false);
            }
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            if (position > handed.getOrDefault(partition, -1L)) {
                behind.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!behind.isEmpty()) {
            hand(List.of(), behind);
            return;
        }
        say(true);
        long now = System.nanoTime();
        if (now >= nextLookNanos && !done) {
            nextLookNanos = now + LOOK_EVERY_NANOS;
            if (doneCheck.looksDone(control)) {
                control.say(new ControlChannel.Signal(ControlChannel.DONE, settings.memberId(), true, seq, List.of()));
                finish("every member is idle and every link is taken in");
            }
        }
    }

    private void finish(String why) {
        LOG.info("the crawl is done: {}", why);
        done = true;
        events.wake();
    }

    /**
     * Says this member's status on the control topic when it changed: idle or busy, and the partitions
     * it has restored and fetches for, so that a partition the group has just given it, and that it has
     * not restored yet, cannot look done.
     */
    private void say(boolean idle) {
        List<Integer> mine = new ArrayList<>(new java.util.TreeSet<>(owned));
        if (saidAnything && saidIdle == idle && mine.equals(saidOwned)) {
            return;
        }
        seq++;
        control.say(new ControlChannel.Signal(ControlChannel.STATUS, settings.memberId(), idle, seq, mine));
        saidIdle = idle;
        saidOwned = mine;
        saidAnything = true;
    }

    /** Whether the group coordinator heard this member's heartbeat within the fetch lease. */
    private void noteInTouch() {
        double secondsAgo = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            if (metric.getKey().name().equals("last-heartbeat-seconds-ago") && metric.getValue().metricValue() instanceof Double value
                    && value >= 0 && !value.isInfinite()) {
                secondsAgo = value;
            }
        }
        if (secondsAgo * 1000 < settings.fetchLease().toMillis()) {
            lastInTouchNanos = System.nanoTime();
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        say(false);
        restore(partitions);
        for (TopicPartition partition : partitions) {
            owned.add(partition.partition());
        }
        LOG.info("this member now owns partitions {} of {}", owned, settings.partitions());
        events.ownershipChanged();
    }

    /** Brings the store up to the partitions' state and products topics, each from where it was applied up to. */
    private void restore(Collection<TopicPartition> partitions) {
        Map<Integer, Long> from = new HashMap<>();
        Map<Integer, Long> productsFrom = new HashMap<>();
        for (TopicPartition partition : partitions) {
            from.put(partition.partition(), store.checkpoint(RestoredPartition.checkpoint(partition.partition())).orElse(0));
            productsFrom.put(partition.partition(), store.checkpoint(RestoredPartition.productsCheckpoint(partition.partition())).orElse(0));
        }
        stateReader.read(from, productsFrom, batch -> {
            if (batch instanceof RestoredPartition restored) {
                LOG.info("partition {}: {} URLs queued and {} settled restored from the state topic (offsets {} to {}), "
                        + "with {} page states; products applied up to offset {}", restored.partition(), restored.queue().size(),
                        restored.settled().size(), from.get(restored.partition()), restored.appliedUpTo(), restored.pages().size(),
                        restored.productsUpTo());
            }
            events.arrived(batch);
            await(batch.applied(), "restoring partition " + batch.partition());
        });
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        release(partitions);
        CompletableFuture<Void> released = events.ownershipChanged();
        // The partition moves once this returns: nothing of it may still be in flight here by then. A
        // member that is closing has stopped its engine already, and has nothing in flight.
        if (running) {
            await(released, "letting partitions " + partitions + " go");
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        release(partitions);
        events.ownershipChanged();
    }

    private void release(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            owned.remove(partition.partition());
            handed.remove(partition);
        }
        LOG.info("this member lets partitions {} go; it owns {}", partitions, owned);
    }

    private void await(CompletableFuture<?> future, String what) {
        try {
            future.get(settings.sessionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{} did not finish within the session timeout ({}); going on", what, e.toString());
        }
    }

    void idleHere(boolean idle) {
        idleHere = idle;
    }

    boolean done() {
        return done;
    }

    long lastInTouchNanos() {
        return lastInTouchNanos;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
