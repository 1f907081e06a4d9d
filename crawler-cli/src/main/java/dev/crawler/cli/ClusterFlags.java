package dev.crawler.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags that make a command work on a crawl shared by several processes; they override the {@code cluster:} section. */
final class ClusterFlags {
    @Option(names = "--cluster", paramLabel = "BOOTSTRAP",
            description = "Share the crawl through this Kafka cluster (host:port[,host:port...]); every member runs the same "
                    + "command with its own --dir. Default: no cluster (or the config file's cluster.bootstrap).")
    @Nullable String bootstrap;

    @Option(names = "--crawl-id", paramLabel = "NAME", description = "The cluster crawl's name, the same on every member.")
    @Nullable String crawlId;

    @Option(names = "--partitions", paramLabel = "N",
            description = "How many sets the hosts are split into, fixed when the crawl is first created. Default: 12.")
    @Nullable Integer partitions;

    /** The section with every given flag applied. */
    ClusterSection applyTo(ClusterSection section) {
        try {
            return new ClusterSection(bootstrap != null ? bootstrap : section.bootstrap(),
                    crawlId != null ? crawlId : section.crawlId(),
                    partitions != null ? partitions : section.partitions(), section.sessionTimeout(), section.memberId());
        } catch (IllegalArgumentException e) {
            throw new UserError(String.valueOf(e.getMessage()).replace("cluster.crawlId", "--crawl-id")
                    .replace("cluster.partitions", "--partitions"));
        }
    }

    /** Whether any cluster flag was given. */
    boolean given() {
        return bootstrap != null || crawlId != null || partitions != null;
    }
}
