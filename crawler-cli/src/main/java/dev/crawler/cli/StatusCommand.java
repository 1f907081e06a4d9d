package dev.crawler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crawler.cluster.ClusterStatus;
import dev.crawler.cluster.ClusterUnavailableException;
import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.engine.Crawls;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler status --dir DIR}: where a crawl stands; works while it runs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows where a crawl stands: totals, HTTP statuses, failures with sample URLs, the hosts with the "
                + "longest queues, the parked ones, the pace learned from hosts that push back, and for price watching the pages "
                + "due, gone and the changes since the last recrawl. Works while the crawl runs.")
final class StatusCommand implements Callable<Integer> {
    private static final int SAMPLES_PER_CLASS = 3;
    private static final int TOP_HOSTS = 10;
    /** Bounds the time status spends counting queues: a few seconds even for a huge frontier. */
    private static final long MAX_KEYS_SCANNED = 5_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The crawl's directory (for a cluster member: its share, and the cluster's view).")
    @Nullable Path dir;

    @Option(names = "--cluster", paramLabel = "BOOTSTRAP", description = "Show a cluster crawl as Kafka sees it, with --crawl-id.")
    @Nullable String cluster;

    @Option(names = "--crawl-id", paramLabel = "NAME", description = "The cluster crawl to show, with --cluster.")
    @Nullable String crawlId;

    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if ((cluster == null) != (crawlId == null)) {
            throw new UserError("a cluster crawl is shown with both --cluster BOOTSTRAP and --crawl-id NAME");
        }
        if (dir == null) {
            if (cluster == null || crawlId == null) {
                throw new UserError("say which crawl to show: --dir DIR, or --cluster BOOTSTRAP --crawl-id NAME");
            }
            printCluster(cluster, crawlId);
            return ExitCodes.OK;
        }
        Path crawlDir = dir;
        try (CrawlStore store = CrawlStore.openReadOnly(crawlDir)) {
            Map<String, Long> counters = new TreeMap<>(store.counters());
            Map<String, List<FailureRecord>> samples = failureSamples(store);
            HostReport hosts = HostReport.of(store.hostQueues(MAX_KEYS_SCANNED), store.parkedHosts(), store.hostPaces(),
                    TOP_HOSTS);
            PrintWriter out = spec.commandLine().getOut();
            WatchReport watch = WatchReport.of(store, java.time.Instant.now());
            if (json) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("crawlId", store.info().crawlId());
                report.put("createdAt", store.info().createdAt().toString());
                report.put("products", counters.getOrDefault(Counters.PRODUCTS, 0L));
                report.put("counters", counters);
                report.put("failureSamples", samples);
                report.put("hosts", hosts.toJson());
                report.put("watch", watch.toJson());
                out.println(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                printText(store, counters, samples, out);
                hosts.print(out);
                watch.print(out);
                if (counters.getOrDefault(Counters.URLS_QUEUED, 0L) > 0) {
                    out.println(ResumeHint.continuation(crawlDir, StoreOptions.defaults(), storedMaxPages(store),
                            counters.getOrDefault(CrawlCounters.PAGES_FETCHED, 0L)));
                }
                Optional<ClusterMembership> membership = ClusterMembership.of(store);
                if (membership.isPresent()) {
                    out.println("Member " + membership.get().memberId() + " of cluster crawl '" + membership.get().crawlId()
                            + "': the counts above are its share.");
                    out.flush();
                    printCluster(cluster != null ? cluster : membership.get().bootstrap(), membership.get().crawlId());
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** The cluster crawl as Kafka sees it; a cluster that does not answer is said in one line. */
    private void printCluster(String bootstrap, String crawl) {
        PrintWriter out = spec.commandLine().getOut();
        ClusterStatus status;
        try {
            status = ClusterStatus.of(bootstrap, crawl);
        } catch (ClusterUnavailableException | org.apache.kafka.common.KafkaException | IllegalArgumentException e) {
            throw new UserError("cannot read cluster crawl '" + crawl + "' at " + bootstrap + ": " + e.getMessage());
        }
        out.println("Cluster crawl '" + status.crawlId() + "' at " + bootstrap + ": " + status.partitions() + " partitions, group "
                + status.groupState() + ", " + status.members().size() + " member(s)");
        status.members().forEach((member, partitions) -> out.println("    " + member + " owns partitions " + partitions));
        out.printf("  links waiting for their owner   %d%n", status.linksWaiting());
        out.printf("  links topic end offsets         %d%n", status.linkRecords());
        out.printf("  state topic end offsets         %d%n", status.stateRecords());
        out.printf("  products topic end offsets      %d%n", status.productRecords());
        out.printf("  history topic end offsets       %d%n", status.historyRecords());
        out.flush();
    }

    /** The page budget the crawl was last run with; 0 (none) when its stored settings cannot be read. */
    private static long storedMaxPages(CrawlStore store) {
        try {
            return Crawls.storedConfig(store).limits().maxPages();
        } catch (IllegalArgumentException unreadable) {
            return 0;
        }
    }

    private static void printText(CrawlStore store, Map<String, Long> counters, Map<String, List<FailureRecord>> samples,
            PrintWriter out) {
        out.println("Crawl " + store.info().crawlId() + " (created " + store.info().createdAt() + ")");
        out.printf("  products        %d%n", counters.getOrDefault(Counters.PRODUCTS, 0L));
        out.printf("  pages fetched   %d%n", counters.getOrDefault(CrawlCounters.PAGES_FETCHED, 0L));
        out.printf("  queued          %d%n", counters.getOrDefault(Counters.URLS_QUEUED, 0L));
        out.printf("  discovered      %d%n", counters.getOrDefault(Counters.URLS_DISCOVERED, 0L));
        out.printf("  failed          %d%n", counters.getOrDefault(CrawlCounters.PAGES_FAILED, 0L));
        out.printf("  retries         %d%n", counters.getOrDefault(CrawlCounters.RETRIES, 0L));
        out.printf("  push-backs      %d%n", counters.getOrDefault(CrawlCounters.PUSH_BACKS, 0L));
        section(out, "HTTP status", counters, CrawlCounters.HTTP_PREFIX, Map.of());
        section(out, "Failures (with up to " + SAMPLES_PER_CLASS + " sample URLs each)", counters, CrawlCounters.FAILURE_PREFIX,
                samples);
    }

    /** The counters under one prefix, each followed by its sample failures, if any. */
    private static void section(PrintWriter out, String title, Map<String, Long> counters, String prefix,
            Map<String, List<FailureRecord>> samples) {
        List<String> lines = new ArrayList<>();
        counters.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                String label = name.substring(prefix.length());
                lines.add(String.format("    %-16s %d", label, value));
                for (FailureRecord record : samples.getOrDefault(label, List.of())) {
                    lines.add("      " + record.url() + " (" + record.message() + ")");
                }
            }
        });
        if (!lines.isEmpty()) {
            out.println("  " + title);
            lines.forEach(out::println);
        }
    }

    private static Map<String, List<FailureRecord>> failureSamples(CrawlStore store) {
        Map<String, List<FailureRecord>> samples = new TreeMap<>();
        store.records().forEachFailure(record -> {
            List<FailureRecord> list = samples.computeIfAbsent(record.failureClass(), k -> new ArrayList<>());
            if (list.size() < SAMPLES_PER_CLASS) {
                list.add(record);
            }
        });
        return samples;
    }
}
