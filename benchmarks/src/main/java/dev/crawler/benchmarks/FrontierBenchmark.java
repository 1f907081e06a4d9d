package dev.crawler.benchmarks;

import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.QueuedUrl;
import dev.crawler.storage.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The frontier's hot paths, each reported per URL (or per page outcome): enqueue with the seen check
 * (half the URLs already seen), lease (reading the head of a host's queue), and committing page
 * outcomes that carry 50 links each.
 *
 * <p>Run: {@code scripts/bench.sh frontier} or {@code java -jar benchmarks/target/benchmarks.jar FrontierBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class FrontierBenchmark {
    static final int BATCH = 1_000;
    static final int HOSTS = 1_000;
    static final int LINKS_PER_PAGE = 50;
    static final int GROUP = 64;

    private Path dir;
    private CrawlStore store;
    private long next;
    private int hostCursor;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("frontier-bench");
        store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults());
        // A frontier that is already large: 200,000 URLs over 1,000 hosts.
        for (int i = 0; i < 200; i++) {
            store.enqueue(batch(BATCH));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** URLs {@code next - count/2 .. next + count/2}: half were queued by the previous call. */
    private List<DiscoveredUrl> batch(int count) {
        List<DiscoveredUrl> urls = new ArrayList<>(count);
        long start = Math.max(0, next - count / 2);
        for (long i = start; i < start + count; i++) {
            urls.add(url(i));
        }
        next = start + count;
        return urls;
    }

    private static DiscoveredUrl url(long i) {
        String origin = "http://shop-" + (i % HOSTS) + ".example:80";
        return new DiscoveredUrl(origin + "/p/" + i + "?colour=" + (i % 7), origin, 1, 1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object enqueueHalfSeen() {
        return store.enqueue(batch(BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public Object lease() {
        hostCursor = (hostCursor + 1) % HOSTS;
        return store.peek(hostCursor, 32, Set.of());
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public Object commitPagesWithFiftyLinks() {
        List<PageCommit> group = new ArrayList<>(GROUP);
        for (int page = 0; page < GROUP; page++) {
            hostCursor = (hostCursor + 1) % HOSTS;
            List<QueuedUrl> head = store.peek(hostCursor, 1, Set.of());
            if (head.isEmpty()) {
                continue;
            }
            List<DiscoveredUrl> links = new ArrayList<>(LINKS_PER_PAGE);
            for (int link = 0; link < LINKS_PER_PAGE; link++) {
                links.add(url(next++));
            }
            group.add(new PageCommit(head.get(0).key(), Optional.empty(), links, List.of(), Optional.empty(),
                    Map.of("pages.fetched", 1L)));
        }
        return store.commit(group);
    }
}
