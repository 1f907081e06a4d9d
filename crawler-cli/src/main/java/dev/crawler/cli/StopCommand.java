package dev.crawler.cli;

import dev.crawler.cluster.ClusterMember;
import dev.crawler.cluster.ClusterUnavailableException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler stop --cluster BOOTSTRAP --crawl-id NAME}: stops every member of a cluster crawl gracefully. */
@Command(name = "stop", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stops every member of a cluster crawl as SIGTERM would stop each: pages in flight finish and are "
                + "committed, and each member can be resumed. (A crawl run alone stops with Ctrl-C or SIGTERM.)")
final class StopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", required = true, paramLabel = "BOOTSTRAP", description = "The crawl's Kafka cluster, host:port[,...].")
    String bootstrap;

    @Option(names = "--crawl-id", required = true, paramLabel = "NAME", description = "The cluster crawl to stop.")
    String crawlId;

    @Override
    public Integer call() {
        try {
            ClusterMember.stopAll(bootstrap, crawlId, "crawler stop");
        } catch (ClusterUnavailableException | org.apache.kafka.common.KafkaException | IllegalArgumentException e) {
            throw new UserError("cannot stop cluster crawl '" + crawlId + "' at " + bootstrap + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println("Asked every member of cluster crawl '" + crawlId + "' to stop.");
        return ExitCodes.OK;
    }
}
