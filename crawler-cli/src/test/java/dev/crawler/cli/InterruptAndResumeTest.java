package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlDirectoryException;
import dev.crawler.storage.CrawlStore;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) on a crawl in a child JVM: it stops, exits with 130, prints the exact resume
 * command, and that command finishes the crawl with every product exactly once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InterruptAndResumeTest {
    @TempDir
    Path temp;

    @Test
    void ctrlCStopsGracefullyWith130AndTheResumeCommandItPrintsFinishesTheCrawl() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(2).withProductsPerShop(100))) {
            Path dir = temp.resolve("crawl");
            Process child = startCrawl(testbed, dir, "100ms");
            awaitChild("the child to commit some products", () -> storedProducts(dir) >= 20);

            interrupt(child);

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after Ctrl-C").isTrue();
            String err = Files.readString(temp.resolve("crawl.err"));
            assertThat(child.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(err).contains("Stopping: letting pages in flight finish", "Continue with: crawler resume --dir " + dir);
            assertThat(storedProducts(dir)).as("stopped partway").isLessThan(testbed.groundTruth().products().size());
            assertThat(Files.readString(dir.resolve("crawler.log"))).contains("Ctrl-C: stopping gracefully");

            assertResumedToEveryProductOnce(testbed, dir, resumeCommand(err));
        }
    }

    @Test
    void aSecondCtrlCStopsAtOnceAndTheCrawlStillResumesToEveryProductOnce() throws Exception {
        // Slow responses keep pages in flight, so the second Ctrl-C lands during the graceful stop.
        TestbedConfig slow = TestbedConfig.defaults().withShops(2).withProductsPerShop(30).withLatency(Duration.ofSeconds(2));
        try (Testbed testbed = Testbed.start(slow)) {
            Path dir = temp.resolve("crawl");
            Process child = startCrawl(testbed, dir, "0");
            awaitChild("the child to commit some pages", () -> storedCounter(dir, "pages.fetched") >= 2);

            interrupt(child);
            awaitChild("the graceful stop to begin", () -> childErr().contains("Stopping: letting"));
            interrupt(child);

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after the second Ctrl-C").isTrue();
            String err = childErr();
            assertThat(child.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(err).contains("Stopping at once", "Continue with: crawler resume --dir " + dir);

            assertResumedToEveryProductOnce(testbed, dir, resumeCommand(err));
        }
    }

    private Process startCrawl(Testbed testbed, Path dir, String delay) throws Exception {
        Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
        return Cli.start(temp, "crawl", List.of(), "crawl", seeds.toString(), "--dir", dir.toString(), "--delay", delay,
                "--per-host", "2");
    }

    /** Waits for the child, and on a timeout says what the child printed. */
    private void awaitChild(String what, java.util.function.BooleanSupplier condition) {
        try {
            Eventually.await(what, Duration.ofSeconds(60), condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the child printed:\n" + childErr(), e);
        }
    }

    private String childErr() {
        try {
            return Files.readString(temp.resolve("crawl.err"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void interrupt(Process child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -INT").isZero();
    }

    /**
     * The arguments of the printed resume command, after "crawler", with flags that only make the
     * rest of the crawl faster (flags given to resume override the stored settings).
     */
    private static String[] resumeCommand(String err) {
        String line = err.lines().filter(l -> l.startsWith("Stopped. Continue with: crawler ")).reduce((a, b) -> b).orElseThrow();
        List<String> args = new ArrayList<>(List.of(line.substring("Stopped. Continue with: crawler ".length()).split(" ")));
        args.addAll(List.of("--delay", "0", "--per-host", "8"));
        return args.toArray(String[]::new);
    }

    private void assertResumedToEveryProductOnce(Testbed testbed, Path dir, String[] resume) throws Exception {
        Cli.Result resumed = Cli.run(resume);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Path csv = temp.resolve("products.csv");
        Cli.Result exported = Cli.run("export", "--dir", dir.toString(), "--out", csv.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exportedUrls(csv)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
    }

    private static List<String> exportedUrls(Path csv) throws Exception {
        List<String> urls = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv.toFile())) {
            rows.next();
            rows.forEachRemaining(row -> urls.add(row.get(0)));
        }
        return urls;
    }

    private static long storedProducts(Path dir) {
        return storedCounter(dir, Counters.PRODUCTS);
    }

    /** A counter as committed so far, read while the child writes; 0 while the crawl directory is not there yet. */
    private static long storedCounter(Path dir, String name) {
        if (!Files.exists(dir.resolve("crawl.json"))) {
            return 0;
        }
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            return store.counter(name);
        } catch (CrawlDirectoryException e) {
            return 0;
        }
    }
}
