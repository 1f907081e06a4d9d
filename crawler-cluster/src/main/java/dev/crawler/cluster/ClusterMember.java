package dev.crawler.cluster;

import dev.crawler.core.coordination.Coordination;
import dev.crawler.core.coordination.CoordinationEvents;
import dev.crawler.core.coordination.GroupWrite;
import dev.crawler.core.coordination.LocalWrite;
import dev.crawler.core.coordination.NotPublishedException;
import dev.crawler.core.revisit.RevisitRun;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.StoreJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one member of a crawl shared through Kafka: the {@link Coordination} the engine
 * runs with. It owns the hosts of the partitions the consumer group gives it, publishes every commit
 * group as one transaction before the local store applies it ({@link GroupPublisher}), takes in the
 * links other members send to its hosts and restores the partitions it gets ({@link MemberLoop}), and
 * tells the engine when the crawl as a whole is done ({@link DoneCheck}). See docs/CLUSTER.md.
 */
public final class ClusterMember implements Coordination, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterSettings settings;
    private final CrawlTopics topics;
    private final HostPartitioner partitioner;
    private final CrawlStore store;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final GroupPublisher publisher;
    private final ControlChannel control;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    /** {@link ClusterSettings#fetchLease()}, once: {@link #mayFetch} is asked on every turn of the dispatcher. */
    private final long fetchLeaseNanos;
    private @Nullable MemberLoop loop;
    private @Nullable Thread thread;
    private volatile @Nullable CoordinationEvents events;
    private final AtomicBoolean stopAsked = new AtomicBoolean();
    /** What {@link #mayFetch} last found, so that losing and regaining touch is said once each. Dispatcher thread. */
    private boolean wasInTouch = true;

    /**
     * Joins the crawl (creating its topics if this member is the first) and readies the transactional
     * producer, which fences any earlier process that ran as this member.
     *
     * @throws CrawlTopicsMismatchException the crawl exists with another partition count
     * @throws ClusterUnavailableException  no broker answered
     */
    public ClusterMember(ClusterSettings settings, CrawlStore store) {
        this(settings, store, null);
    }

    /**
     * Like {@link #ClusterMember(ClusterSettings, CrawlStore)}, for a run that revisits: the pages of each
     * part of the crawl this member takes over during the run are revisited as {@code revisitRun} says.
     */
    public ClusterMember(ClusterSettings settings, CrawlStore store, @Nullable RevisitRun revisitRun) {
        this.settings = settings;
        this.topics = CrawlTopics.of(settings.crawlId());
        this.partitioner = new HostPartitioner(settings.partitions());
        this.store = store;
        this.fetchLeaseNanos = settings.fetchLease().toNanos();
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        this.admin = Admin.create(adminProperties);
        try {
            new TopicSetup(admin, ADMIN_TIMEOUT).ensure(topics, settings.partitions());
            this.producer = new KafkaProducer<>(producerProperties());
            producer.initTransactions();
        } catch (RuntimeException e) {
            admin.close(Duration.ofSeconds(5));
            throw e instanceof KafkaException ? new ClusterUnavailableException("joining the cluster failed: " + e, e) : e;
        }
        this.publisher = new GroupPublisher(producer, topics, partitioner, store, owned::contains, revisitRun);
        this.control = new ControlChannel(settings.bootstrap(), topics);
    }

    /**
     * Sends the seeds to their hosts' owners, as links, in one transaction. Every member may send the
     * same seeds: each owner queues a URL once, whoever sent it. Call before the crawl starts.
     */
    public void sendSeeds(List<DiscoveredUrl> seeds) {
        producer.beginTransaction();
        for (DiscoveredUrl seed : seeds) {
            String host = Hosts.of(seed.origin());
            producer.send(new ProducerRecord<>(topics.links(), partitioner.partitionOf(host),
                    HostPartitioner.key(host).getBytes(StandardCharsets.UTF_8), StoreJson.write(seed)));
        }
        producer.commitTransaction();
    }

    @Override
    public boolean owns(String origin) {
        return owned.contains(partitioner.partitionOf(Hosts.of(origin)));
    }

    @Override
    public boolean mayFetch() {
        MemberLoop running = loop;
        if (running == null || publisher.unusable()) {
            return false;
        }
        long lastWord = Math.max(running.lastInTouchNanos(), publisher.lastCommitNanos());
        boolean inTouch = System.nanoTime() - lastWord < fetchLeaseNanos;
        if (inTouch != wasInTouch) {
            sayTouch(inTouch);
        }
        return inTouch;
    }

    /**
     * Says once on the terminal when this member loses touch with Kafka and once when it is back: the
     * Kafka clients' own reconnect warnings, one per attempt, go to crawler.log only.
     */
    private void sayTouch(boolean inTouch) {
        wasInTouch = inTouch;
        if (inTouch) {
            LOG.warn("Kafka at {} answers again; this member starts requests again", settings.bootstrap());
        } else {
            LOG.warn("no word from Kafka at {} for {}: this member starts no request until it answers (what it fetched "
                    + "and could not publish stays queued)", settings.bootstrap(), settings.fetchLease().toSeconds() + " s");
        }
    }

    @Override
    public void start(CoordinationEvents events) {
        this.events = events;
        MemberLoop member = new MemberLoop(settings, topics, store, new KafkaConsumer<>(consumerProperties()), control,
                new DoneCheck(admin, settings, topics), new StateReader(settings.bootstrap(), topics), owned, events);
        this.loop = member;
        Thread runner = new Thread(member, "crawler-cluster");
        runner.setDaemon(true);
        this.thread = runner;
        runner.start();
    }

    @Override
    public LocalWrite publish(GroupWrite group) {
        try {
            return publisher.publish(group);
        } catch (NotPublishedException e) {
            stopIfUnusable(e);
            throw e;
        }
    }

    /**
     * A member whose producer can publish nothing more stops, gracefully: what it fetched and could not
     * publish stays queued in its store, {@code crawler resume} starts it with a new producer, and until
     * then the group gives its partitions to the others once its session times out.
     */
    private void stopIfUnusable(NotPublishedException e) {
        CoordinationEvents listening = events;
        if (publisher.unusable() && listening != null && stopAsked.compareAndSet(false, true)) {
            LOG.error("this member stops: {}; continue it with crawler resume", e.getMessage());
            listening.stopRequested();
        }
    }

    @Override
    public boolean finished(boolean idleHere) {
        MemberLoop running = loop;
        if (running == null) {
            return false;
        }
        running.idleHere(idleHere);
        return running.done();
    }

    /** Asks every member to stop, as SIGTERM would each: written to the control topic. */
    public static void stopAll(String bootstrap, String crawlId, String by) {
        try (ControlChannel control = new ControlChannel(bootstrap, CrawlTopics.of(crawlId))) {
            control.say(ControlChannel.Signal.stop(by));
        }
    }

    /** The partitions this member owns now. */
    public Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
    }

    @Override
    public void close() {
        MemberLoop member = loop;
        Thread runner = thread;
        if (member != null && runner != null) {
            member.stop();
            try {
                runner.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        control.close();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private Properties producerProperties() {
        Properties properties = KafkaClients.producer(settings.bootstrap());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(settings.transactionTimeout().toMillis()));
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return properties;
    }

    private Properties consumerProperties() {
        Properties properties = KafkaClients.consumer(settings.bootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.memberId());
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(settings.sessionTimeout().toMillis()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(settings.sessionTimeout().toMillis() / 10));
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Duration.ofMinutes(10).toMillis()));
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }
}
