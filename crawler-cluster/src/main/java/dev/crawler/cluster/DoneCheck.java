package dev.crawler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the whole crawl is done: every member of the group says it is idle and that it owns
 * exactly the partitions the group has assigned it (so every partition is restored by its owner, and
 * a partition just handed over cannot look done before its new owner has read it), every partition is
 * assigned, and every partition of the links topic has been consumed to its end (its committed offset
 * equals its end offset) with no transaction undecided in any partition of the crawl, on two looks at
 * least {@link #SETTLE} apart that see exactly the same. A member that takes links in says it
 * is busy before it commits their offsets, and every status it says carries a new number, so a member
 * that worked between the two looks makes them differ.
 */
final class DoneCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DoneCheck.class);
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final ClusterSettings settings;
    private final CrawlTopics topics;
    private @Nullable Look previous;
    private long failedLooks;
    /** The undecided transactions the last look found, so that the log says it once, not every second. */
    private Map<TopicPartition, Long> undecided = Map.of();

    /** What one look saw that must not change before the next. */
    private record Look(Map<TopicPartition, Long> ends, Map<String, Long> statuses, long atNanos) {
        boolean sameAs(Look other) {
            return ends.equals(other.ends) && statuses.equals(other.statuses);
        }
    }

    DoneCheck(Admin admin, ClusterSettings settings, CrawlTopics topics) {
        this.admin = admin;
        this.settings = settings;
        this.topics = topics;
    }

    /** Looks once; true when this look and an earlier one at least {@link #SETTLE} ago both say done. */
    boolean looksDone(ControlChannel control) {
        Look look = look(control);
        if (look == null) {
            previous = null;
            return false;
        }
        if (previous == null || !previous.sameAs(look)) {
            previous = look;
            return false;
        }
        return look.atNanos - previous.atNanos >= SETTLE.toNanos();
    }

    /** A look that says done, or null when something still runs. */
    private @Nullable Look look(ControlChannel control) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(settings.group()))
                    .describedGroups().get(settings.group()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (group.groupState() != GroupState.STABLE || group.members().isEmpty()) {
                return null;
            }
            Map<String, Long> statuses = new HashMap<>();
            Set<Integer> assigned = new HashSet<>();
            for (MemberDescription member : group.members()) {
                String id = member.groupInstanceId().orElse(member.consumerId());
                ControlChannel.Signal status = control.status(id);
                Set<Integer> given = new HashSet<>();
                member.assignment().topicPartitions().forEach(partition -> given.add(partition.partition()));
                if (status == null || !status.idle() || !given.equals(new HashSet<>(status.owned()))) {
                    return null;
                }
                assigned.addAll(given);
                statuses.put(id, status.seq());
            }
            if (assigned.size() != settings.partitions()) {
                return null;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < settings.partitions(); p++) {
                partitions.add(new TopicPartition(topics.links(), p));
            }
            Map<TopicPartition, Long> ends = OpenTransactions.ends(admin, partitions, IsolationLevel.READ_COMMITTED, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.group())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, Long> endOffsets = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                OffsetAndMetadata at = committed.get(partition);
                if (end > 0 && (at == null || at.offset() < end)) {
                    return null;
                }
                endOffsets.put(partition, end);
            }
            if (undecidedTransactions()) {
                return null;
            }
            return new Look(endOffsets, statuses, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            // Asked again at the next look; a broker that stays away shows in the member's lease.
            failedLooks++;
            LOG.info("looking whether the crawl is done failed ({} times so far): {}", failedLooks, e.toString());
            return null;
        }
    }

    /**
     * True while a transaction is undecided in any partition of the crawl: its readers see nothing past
     * it, so links behind it could not have been taken in and products behind it could not be exported
     * yet. A member killed mid-commit leaves one until the broker aborts it.
     */
    private boolean undecidedTransactions() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> open = OpenTransactions.in(admin, topics.everyPartition(settings.partitions()), TIMEOUT);
        if (!open.isEmpty() && !open.keySet().equals(undecided.keySet())) {
            LOG.info("every member is idle, but a transaction is undecided in {}; the crawl is not done before the broker "
                    + "aborts it (a member that stopped mid-commit leaves one for up to {})", open.keySet(),
                    settings.transactionTimeout());
        }
        undecided = open;
        return !open.isEmpty();
    }
}
