package dev.crawler.cluster;

import dev.crawler.storage.StoreJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The crawl-wide signals on the control topic, read in order by every member: each member's status
 * (idle or busy, with a number that grows with every change), and {@code stop} and {@code done}.
 * A stop, done or status written before this member started belongs to an earlier run and is not heeded.
 * One thread only.
 */
final class ControlChannel implements AutoCloseable {
    static final String STATUS = "status";
    static final String STOP = "stop";
    static final String DONE = "done";

    /**
     * One record of the control topic.
     *
     * @param owned for a status, the partitions the member has restored and fetches for
     */
    record Signal(String type, String member, boolean idle, long seq, @org.jspecify.annotations.Nullable List<Integer> owned) {
        Signal {
            // A signal written without the field (a stop from an older command line) owns nothing.
            owned = owned == null ? List.of() : List.copyOf(owned);
        }

        static Signal stop(String by) {
            return new Signal(STOP, by, false, 0, List.of());
        }
    }

    private final TopicPartition control;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final long startOffset;
    private final Map<String, Signal> statuses = new HashMap<>();
    private boolean stopSeen;
    private boolean doneSeen;

    ControlChannel(String bootstrap, CrawlTopics topics) {
        this.control = new TopicPartition(topics.control(), 0);
        this.producer = new KafkaProducer<>(KafkaClients.producer(bootstrap));
        this.consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap));
        consumer.assign(List.of(control));
        this.startOffset = consumer.endOffsets(List.of(control)).get(control);
        consumer.seekToBeginning(List.of(control));
    }

    /** Writes a signal and waits until the broker has it: a member says it is busy before it takes links in. */
    void say(Signal signal) {
        try {
            producer.send(new ProducerRecord<>(control.topic(), 0, null, StoreJson.write(signal))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted writing to the control topic", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterUnavailableException("writing to the control topic failed: " + e, e);
        }
    }

    /** Reads what has arrived since the last call, without waiting. */
    void read() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ZERO)) {
            Signal signal = StoreJson.read(record.value(), Signal.class);
            switch (signal.type()) {
                // A status said before this member started may be a member that is not running now (gone
                // for good, its static membership not yet timed out): only what is said during this run counts.
                case STATUS -> {
                    if (record.offset() >= startOffset) {
                        statuses.put(signal.member(), signal);
                    }
                }
                case STOP -> stopSeen |= record.offset() >= startOffset;
                case DONE -> doneSeen |= record.offset() >= startOffset;
                default -> {
                    // A signal of a later version: not for this member to act on.
                }
            }
        }
    }

    /** The latest status of a member, if it said one since this member started. */
    @org.jspecify.annotations.Nullable Signal status(String member) {
        return statuses.get(member);
    }

    boolean stopSeen() {
        return stopSeen;
    }

    boolean doneSeen() {
        return doneSeen;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
