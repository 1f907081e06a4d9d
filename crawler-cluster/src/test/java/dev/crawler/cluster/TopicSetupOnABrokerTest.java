package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A crawl's topics on a real single-node broker, started by scripts/kafka-broker.sh. */
class TopicSetupOnABrokerTest extends OnABroker {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theFirstMemberCreatesTheTopicsWithTheCrawlsPartitionsAndCompactsStateAndProducts() throws Exception {
        CrawlTopics topics = CrawlTopics.of("first-member");
        TopicSetup setup = new TopicSetup(admin, TIMEOUT);
        assertThat(setup.partitionsOf(topics)).isEmpty();

        setup.ensure(topics, 6);

        assertThat(setup.partitionsOf(topics)).contains(6);
        Map<String, Integer> partitions = new java.util.HashMap<>();
        admin.describeTopics(topics.all()).allTopicNames().get().forEach((name, d) -> partitions.put(name, d.partitions().size()));
        assertThat(partitions).containsOnly(Map.entry(topics.links(), 6), Map.entry(topics.state(), 6),
                Map.entry(topics.products(), 6), Map.entry(topics.history(), 6), Map.entry(topics.control(), 1));
        assertThat(cleanupPolicy(topics.state())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(topics.products())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(topics.links())).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        assertThat(topicConfig(topics.history(), TopicConfig.RETENTION_MS_CONFIG)).as("the price history never ages out").isEqualTo("-1");
    }

    @Test
    void membersStartingTogetherAllJoinTheSameCrawl() throws Exception {
        CrawlTopics topics = CrawlTopics.of("started-together");
        ExecutorService members = Executors.newFixedThreadPool(3);
        try {
            List<Future<Object>> joined = new ArrayList<>();
            for (int member = 0; member < 3; member++) {
                Callable<Object> join = () -> {
                    new TopicSetup(admin, TIMEOUT).ensure(topics, 4);
                    return "joined";
                };
                joined.add(members.submit(join));
            }
            for (Future<Object> member : joined) {
                assertThat(member.get()).isEqualTo("joined");
            }
        } finally {
            members.shutdownNow();
        }
        assertThat(new TopicSetup(admin, TIMEOUT).partitionsOf(topics)).contains(4);
    }

    @Test
    void aMemberWithAnotherPartitionCountIsRefusedSayingWhichTheCrawlHas() {
        CrawlTopics topics = CrawlTopics.of("fixed-partitions");
        new TopicSetup(admin, TIMEOUT).ensure(topics, 3);

        assertThatThrownBy(() -> new TopicSetup(admin, TIMEOUT).ensure(topics, 5))
                .isInstanceOf(CrawlTopicsMismatchException.class)
                .hasMessageContaining("created with 3 partitions")
                .hasMessageContaining("start this member with 3 partitions, not 5");
        assertThat(new TopicSetup(admin, TIMEOUT).partitionsOf(topics)).contains(3);
    }

    @Test
    void aLinkSentKeyedByItsHostLandsInThePartitionThatOwnsTheHost() throws Exception {
        CrawlTopics topics = CrawlTopics.of("links-by-host");
        new TopicSetup(admin, TIMEOUT).ensure(topics, 8);
        HostPartitioner partitioner = new HostPartitioner(8);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int n = 0; n < 40; n++) {
                String host = "Shop-" + n + ".example";
                // No partition given: Kafka's own partitioner picks it from the key.
                RecordMetadata sent = producer.send(new ProducerRecord<>(topics.links(), HostPartitioner.key(host),
                        "http://" + host + "/")).get();

                assertThat(sent.partition()).as(host).isEqualTo(partitioner.partitionOf(host));
            }
        }
    }

    private static String cleanupPolicy(String topic) throws Exception {
        return topicConfig(topic, TopicConfig.CLEANUP_POLICY_CONFIG);
    }

    private static String topicConfig(String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(name).value();
    }
}
