package dev.crawler.benchmarks;

import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.StoreOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fills a frontier with N URLs over 100,000 hosts and reports what it costs: resident memory, heap
 * in use, and bytes on disk per queued URL after compaction. Shows that memory does not grow with
 * the frontier. Run with a fixed heap, e.g. {@code -Xmx512m}:
 *
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.crawler.benchmarks.FrontierScaleRun 100000 1000000 10000000</pre>
 */
public final class FrontierScaleRun {
    private static final int HOSTS = 100_000;
    private static final int BATCH = 10_000;

    private FrontierScaleRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: FrontierScaleRun N [N ...]   (queued URLs per run)");
            System.exit(1);
        }
        System.out.println("| queued URLs | enqueue s | URLs/s | RSS MiB | heap committed MiB | heap used MiB | RSS outside the heap MiB | disk bytes/URL |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String arg : args) {
            run(Long.parseLong(arg.replace("_", "")));
        }
    }

    private static void run(long total) throws IOException {
        Path dir = Files.createTempDirectory("frontier-scale");
        long started = System.nanoTime();
        long disk;
        try (CrawlStore store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults())) {
            List<DiscoveredUrl> batch = new ArrayList<>(BATCH);
            for (long i = 0; i < total; i++) {
                String origin = "http://shop-" + (i % HOSTS) + ".example:80";
                batch.add(new DiscoveredUrl(origin + "/catalogue/product-" + i + ".html", origin, 2, 2));
                if (batch.size() == BATCH) {
                    store.enqueue(batch);
                    batch.clear();
                }
            }
            store.enqueue(batch);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
            long rss = residentBytes();
            System.err.println(total + " URLs, RocksDB's own account: " + store.nativeMemory());
            store.compact();
            disk = store.diskBytes();
            System.out.printf(Locale.ROOT, "| %,d | %.1f | %,.0f | %d | %d | %d | %d | %.1f |%n", total, seconds, total / seconds,
                    rss >> 20, committed >> 20, heap >> 20, (rss - committed) >> 20, (double) disk / total);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** VmRSS from /proc: what the operating system has given the process, native memory included. */
    static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
