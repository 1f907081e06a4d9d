package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class HostPartitionerTest {

    @Property
    void everyHostHasOnePartitionWithinTheCount(@ForAll @StringLength(min = 1, max = 60) String host,
            @ForAll @IntRange(min = 1, max = 1000) int partitions) {
        HostPartitioner partitioner = new HostPartitioner(partitions);

        int partition = partitioner.partitionOf(host);

        assertThat(partition).isBetween(0, partitions - 1);
        assertThat(new HostPartitioner(partitions).partitionOf(host)).as("the same on every member").isEqualTo(partition);
    }

    @Test
    void aHostNameInAnyCaseIsOneHost() {
        HostPartitioner partitioner = new HostPartitioner(64);

        assertThat(partitioner.partitionOf("Shop.Example.COM")).isEqualTo(partitioner.partitionOf("shop.example.com"));
    }

    @Test
    void hostsSpreadOverEveryPartition() {
        HostPartitioner partitioner = new HostPartitioner(12);
        Map<Integer, Integer> hostsPerPartition = new HashMap<>();
        for (int n = 0; n < 1200; n++) {
            hostsPerPartition.merge(partitioner.partitionOf("shop-" + n + ".example"), 1, Integer::sum);
        }

        assertThat(hostsPerPartition).hasSize(12);
        assertThat(hostsPerPartition.values()).allSatisfy(hosts -> assertThat(hosts).isBetween(50, 150));
    }

    @Test
    void aPartitionCountBelowOneIsRefused() {
        assertThatThrownBy(() -> new HostPartitioner(0)).hasMessage("partitions must be at least 1, was 0");
    }
}
