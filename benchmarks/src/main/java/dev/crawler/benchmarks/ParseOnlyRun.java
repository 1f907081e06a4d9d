package dev.crawler.benchmarks;

import dev.crawler.core.url.Origin;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The parse-only limit: how many pages per second this machine can put through the crawl's per-page
 * work on all cores, with no network and no storage, over the same pages the end-to-end benchmark
 * crawls (same testbed seed and sizes). The end-to-end figure divided by this one is the headline.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.crawler.benchmarks.ParseOnlyRun SHOPS PRODUCTS MIN_BYTES MAX_BYTES SECONDS</pre>
 */
public final class ParseOnlyRun {
    private static final int SAMPLE_PAGES = 2_000;

    private ParseOnlyRun() {
    }

    public static void main(String[] args) throws Exception {
        int shops = Integer.parseInt(args[0]);
        int products = Integer.parseInt(args[1]);
        int minBytes = Integer.parseInt(args[2]);
        int maxBytes = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        List<Page> pages = new ArrayList<>();
        Set<String> origins = new LinkedHashSet<>();
        TestbedConfig config = TestbedConfig.defaults().withShops(shops).withProductsPerShop(products).withPageBytes(minBytes, maxBytes);
        try (Testbed testbed = Testbed.start(config)) {
            testbed.homePages().forEach(home -> origins.add(Origin.of(home).orElseThrow()));
            HttpClient client = HttpClient.newHttpClient();
            List<ProductTruth> truth = testbed.groundTruth().products();
            int step = Math.max(1, truth.size() / SAMPLE_PAGES);
            for (int i = 0; i < truth.size() && pages.size() < SAMPLE_PAGES; i += step) {
                String url = truth.get(i).url();
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                pages.add(new Page(url, response.body()));
            }
        }
        long bytes = pages.stream().mapToLong(page -> page.body.length).sum();
        int threads = Runtime.getRuntime().availableProcessors();
        PageWork work = new PageWork(origins);
        runFor(work, pages, threads, Duration.ofSeconds(Math.max(3, seconds / 4)));  // warm-up
        Result result = runFor(work, pages, threads, Duration.ofSeconds(seconds));
        System.out.printf(Locale.ROOT, "parse-only: %d sample pages (avg %.0f KB), %d threads, %.1f s: %.1f pages/s, %.2f CPU ms/page%n",
                pages.size(), bytes / 1024.0 / pages.size(), threads, result.seconds, result.pages / result.seconds,
                result.cpuNanos / 1e6 / result.pages);
    }

    private record Page(String url, byte[] body) {
    }

    private record Result(long pages, double seconds, long cpuNanos) {
    }

    private static Result runFor(PageWork work, List<Page> pages, int threads, Duration duration) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LongAdder done = new LongAdder();
        AtomicLong cursor = new AtomicLong();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Page page = pages.get((int) (cursor.getAndIncrement() % pages.size()));
                    if (work.process(page.url, page.body).products().isEmpty()) {
                        throw new IllegalStateException("no product extracted from " + page.url);
                    }
                    done.increment();
                }
                finished.countDown();
            }, "parse-only-" + t);
            thread.start();
        }
        finished.await();
        return new Result(done.sum(), (System.nanoTime() - start) / 1e9, os.getProcessCpuTime() - cpuBefore);
    }
}
