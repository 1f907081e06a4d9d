package dev.crawler.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition a host belongs to: murmur2 of its name, modulo the crawl's partition count. This is
 * exactly where Kafka's own producer puts a record keyed by the host's name, so a link sent keyed by
 * its host without a partition lands in the partition of the member that owns that host, and every
 * member, from any machine, agrees on the owner without asking anyone.
 *
 * <p>Host names are compared without case (DNS ignores it), so {@code Shop.example} and
 * {@code shop.example} are one host with one owner and one politeness.
 */
public final class HostPartitioner {
    private final int partitions;

    /** @param partitions the crawl's partition count, fixed when the crawl was created */
    public HostPartitioner(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        this.partitions = partitions;
    }

    /** The record key for a host: its name in lower case, the form every member must use. */
    public static String key(String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("a host name must not be empty");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** The partition that owns {@code host}. */
    public int partitionOf(String host) {
        byte[] key = key(host).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    public int partitions() {
        return partitions;
    }
}
