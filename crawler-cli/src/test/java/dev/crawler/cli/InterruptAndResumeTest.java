package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.Counters;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) or SIGTERM on a crawl in a child JVM: it stops, exits (with 130 after Ctrl-C), prints
 * the exact resume command once, and that command finishes the crawl with every product exactly once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InterruptAndResumeTest {
    /** Flags that only make the rest of a crawl faster; flags given to resume override the stored settings. */
    private static final List<String> FAST = List.of("--delay", "0", "--per-host", "8", "--adaptive-delay", "0");

    @TempDir
    Path temp;

    @Test
    void ctrlCStopsGracefullyWith130AndTheResumeCommandItPrintsFinishesTheCrawl() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(2).withProductsPerShop(100))) {
            Path dir = temp.resolve("crawl");
            Process child = startCrawl(testbed, dir, "--delay", "100ms", "--per-host", "2");
            awaitChild("the child to commit some products", () -> StoredCounters.read(dir, Counters.PRODUCTS) >= 20);

            interrupt(child);

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after Ctrl-C").isTrue();
            String err = childErr();
            assertThat(child.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(err).contains("Stopping: letting pages in flight finish", "Continue with: crawler resume --dir " + dir);
            assertThat(StoredCounters.read(dir, Counters.PRODUCTS)).as("stopped partway").isLessThan(testbed.groundTruth().products().size());
            assertThat(Files.readString(dir.resolve("crawler.log"))).contains("Ctrl-C: stopping gracefully");

            assertResumedToEveryProductOnce(testbed, dir, resumeCommand(err));
            assertThat(pagesFetchedTwice(testbed)).as("the pages in flight finished and were committed before the exit").isEmpty();
        }
    }

    @Test
    void aSecondCtrlCStopsAtOnceAndTheCrawlStillResumesToEveryProductOnce() throws Exception {
        // Slow responses, and no delay between requests, keep two pages of each shop in flight all the time:
        // the second Ctrl-C lands while the graceful stop still waits for them.
        TestbedConfig slow = TestbedConfig.defaults().withShops(2).withProductsPerShop(30).withLatency(Duration.ofSeconds(2));
        try (Testbed testbed = Testbed.start(slow)) {
            Path dir = temp.resolve("crawl");
            Process child = startCrawl(testbed, dir, "--delay", "0", "--per-host", "2", "--adaptive-delay", "0");
            awaitChild("the child to commit some pages", () -> StoredCounters.read(dir, "pages.fetched") >= 2);

            interrupt(child);
            awaitChild("the graceful stop to begin", () -> childErr().contains("Stopping: letting"));
            interrupt(child);

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after the second Ctrl-C").isTrue();
            String err = childErr();
            assertThat(child.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(err).contains("Stopping at once", "Continue with: crawler resume --dir " + dir);

            assertResumedToEveryProductOnce(testbed, dir, resumeCommand(err));
            Map<String, Long> again = pagesFetchedTwice(testbed);
            assertThat(again).as("the pages in flight at the second Ctrl-C, fetched again on resume").isNotEmpty();
            assertThat(again.values()).as("each fetched again once, on resume").containsOnly(2L);
        }
    }

    @Test
    void sigtermStopsGracefullyAndSaysHowToResumeExactlyOnce() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(2).withProductsPerShop(100))) {
            Path dir = temp.resolve("crawl");
            Process child = startCrawl(testbed, dir, "--delay", "100ms", "--per-host", "2");
            awaitChild("the child to commit some products", () -> StoredCounters.read(dir, Counters.PRODUCTS) >= 20);

            signal(child, "TERM");

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            String printed = childErr() + Files.readString(temp.resolve("crawl.out"));
            assertThat(printed).contains("Stopping: letting pages in flight finish", "Stopped after");
            assertThat(printed.lines().filter(line -> line.contains("Continue with:")))
                    .as(printed).containsExactly("Stopped. Continue with: crawler resume --dir " + dir);

            assertResumedToEveryProductOnce(testbed, dir, resumeCommand(childErr()));
        }
    }

    private Process startCrawl(Testbed testbed, Path dir, String... flags) throws Exception {
        Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
        List<String> args = new ArrayList<>(List.of("crawl", seeds.toString(), "--dir", dir.toString()));
        args.addAll(List.of(flags));
        return Cli.start(temp, "crawl", List.of(), args.toArray(String[]::new));
    }

    /** Waits for the child, and on a timeout says what the child printed. */
    private void awaitChild(String what, BooleanSupplier condition) {
        try {
            Eventually.await(what, Duration.ofSeconds(60), condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the child printed:\n" + childErr(), e);
        }
    }

    private String childErr() {
        try {
            return Files.readString(temp.resolve("crawl.err"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void interrupt(Process child) throws Exception {
        signal(child, "INT");
    }

    private static void signal(Process child, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + name).isZero();
    }

    /** The arguments of the printed resume command, after "crawler", with {@link #FAST}. */
    private static String[] resumeCommand(String err) {
        String line = err.lines().filter(l -> l.startsWith("Stopped. Continue with: crawler ")).reduce((a, b) -> b).orElseThrow();
        List<String> args = new ArrayList<>(List.of(line.substring("Stopped. Continue with: crawler ".length()).split(" ")));
        args.addAll(FAST);
        return args.toArray(String[]::new);
    }

    private void assertResumedToEveryProductOnce(Testbed testbed, Path dir, String[] resume) {
        Cli.succeed(resume);
        List<String> exported = ExportedCsv.urls(ExportedCsv.export(dir, temp.resolve("products.csv")));
        assertThat(exported).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
    }

    /**
     * Pages the testbed served more than once over both runs, with how often. The testbed never fails,
     * so only a page whose outcome was not committed before the first run ended is fetched again.
     * robots.txt is left out: each run reads it afresh.
     */
    private static Map<String, Long> pagesFetchedTwice(Testbed testbed) {
        Map<String, Long> times = testbed.requestLog().entries().stream()
                .filter(request -> !request.pathAndQuery().equals("/robots.txt"))
                .collect(Collectors.groupingBy(request -> request.host() + request.pathAndQuery(), Collectors.counting()));
        times.values().removeIf(count -> count < 2);
        return times;
    }
}
