package dev.crawler.cluster;

import dev.crawler.core.coordination.Inbound;
import dev.crawler.storage.DiscoveredUrl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Links read from the links topic for hosts this member owns, with the offsets that consuming them
 * moves to: those offsets are committed in the same transaction that records the links as queued, so
 * a link is taken in exactly once.
 *
 * @param group the consumer group's metadata when they were read, which fences a member that lost them
 */
record PeerLinks(List<DiscoveredUrl> queue, Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group,
        CompletableFuture<Boolean> applied) implements Inbound {
    PeerLinks {
        queue = List.copyOf(queue);
        offsets = Map.copyOf(offsets);
    }

    @Override
    public void done(boolean wasApplied) {
        applied.complete(wasApplied);
    }
}
