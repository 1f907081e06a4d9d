package dev.crawler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a crawl's topics, or finds them made by another member. The first member to start creates
 * them with the partition count it was given; every later member (and every restart) finds them and
 * must agree, because a host's partition is its hash modulo that count: a second count would give
 * hosts two owners. Members starting together may race to create them; the loser simply finds them.
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicSetup(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Makes sure the crawl's topics exist with {@code partitions} partitions each (the control topic
     * with one).
     *
     * @throws CrawlTopicsMismatchException the crawl exists with another partition count, or with
     *                                      only some of its topics
     * @throws ClusterUnavailableException  the brokers did not answer within the timeout
     */
    public void ensure(CrawlTopics topics, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        Map<String, Integer> existing = describe(topics);
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : topics.all()) {
            if (!existing.containsKey(topic)) {
                missing.add(newTopic(topics, topic, partitions));
            }
        }
        if (!missing.isEmpty() && !existing.isEmpty()) {
            LOG.warn("crawl topics {} exist, {} do not: creating those", existing.keySet(), missing.stream().map(NewTopic::name).toList());
        }
        create(missing);
        check(topics, partitions, describeOnceCreated(topics));
    }

    /** The partition count of an existing crawl, or empty when its topics do not exist yet. */
    public Optional<Integer> partitionsOf(CrawlTopics topics) {
        return Optional.ofNullable(describe(topics).get(topics.state()));
    }

    private static NewTopic newTopic(CrawlTopics topics, String topic, int partitions) {
        boolean control = topic.equals(topics.control());
        // No replication factor: the brokers' default.replication.factor, which a real cluster sets to 3.
        NewTopic created = new NewTopic(topic, Optional.of(control ? 1 : partitions), Optional.empty());
        if (topic.equals(topics.state()) || topic.equals(topics.products())) {
            created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        } else if (topic.equals(topics.history())) {
            // Every event is the history: none may age out after Kafka's default week.
            created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        }
        return created;
    }

    private void create(List<NewTopic> missing) {
        if (missing.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                await(result.getValue());
                LOG.info("created topic {}", result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new ClusterUnavailableException("creating topic " + result.getKey() + " failed: " + e.getCause(), e.getCause());
                }
                // Another member created it between our look and our create: that is the same crawl.
            }
        }
    }

    private Map<String, Integer> describe(CrawlTopics topics) {
        Map<String, Integer> partitions = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics.all()).topicNameValues();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
            try {
                partitions.put(topic.getKey(), await(topic.getValue()).partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new ClusterUnavailableException("describing topic " + topic.getKey() + " failed: " + e.getCause(), e.getCause());
                }
            }
        }
        return partitions;
    }

    /**
     * The crawl's topics as the brokers describe them, waiting (up to the timeout) until all of them
     * are there: a topic just created reaches the brokers' metadata a moment after its creation returns.
     */
    private Map<String, Integer> describeOnceCreated(CrawlTopics topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 10;
        while (true) {
            Map<String, Integer> found = describe(topics);
            if (found.size() == topics.all().size() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterUnavailableException("interrupted while waiting for the crawl's topics", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 500);
        }
    }

    private void check(CrawlTopics topics, int partitions, Map<String, Integer> found) {
        for (String topic : topics.all()) {
            Integer count = found.get(topic);
            int expected = topic.equals(topics.control()) ? 1 : partitions;
            if (count == null) {
                throw new ClusterUnavailableException("topic " + topic + " was created but the brokers did not show it within "
                        + timeout.toSeconds() + " s", null);
            }
            if (count != expected) {
                throw new CrawlTopicsMismatchException("this crawl was created with " + count + " partitions (topic " + topic
                        + "), and a host's partition depends on that count, so it cannot change; start this member with "
                        + count + " partitions, not " + partitions);
            }
        }
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ClusterUnavailableException("the Kafka cluster did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted while waiting for the Kafka cluster", e);
        }
    }
}
