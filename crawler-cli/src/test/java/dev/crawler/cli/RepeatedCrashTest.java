package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One crawl, killed with SIGKILL at 20 moments aimed at every phase of a crawl, and resumed each time,
 * ends as an uninterrupted crawl of the same world does: the same exported products, none twice, the
 * same failures, nothing left queued; and no page was fetched more than twice. The small version of
 * {@code scripts/crash-test.sh}, which does the same at 8 shops × 500 products.
 *
 * <p>The phases: JVM start-up and creation of the crawl directory; the sitemap indexes, then the
 * product sitemaps, in flight; every host's robots.txt in flight; and pages being fetched and committed
 * group after group. The testbed answers robots.txt and sitemaps after {@link #ROBOTS_LATENCY}, which
 * opens a window for those. The child crawls log at trace level (each request as it is sent, each
 * outcome once committed, see {@link CrawlLogWatch}), which tells when a phase has come, and what is in
 * flight: a kill among page fetches waits until no page left in flight by an earlier kill is in flight
 * again, so that none needs a third fetch.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RepeatedCrashTest {
    private static final int KILLS = 20;
    private static final Duration ROBOTS_LATENCY = Duration.ofMillis(600);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A world big enough that twenty short runs do not finish it: 40 ms an answer and one request per shop at a time. */
    private static final TestbedConfig WORLD = TestbedConfig.defaults().withShops(3).withProductsPerShop(200)
            .withPageBytes(20_000, 30_000).withLatency(Duration.ofMillis(40)).withSitemaps(true).withRobotsLatency(ROBOTS_LATENCY);

    private enum Phase { STARTUP, SITEMAP_INDEX, SITEMAPS, ROBOTS, COMMIT }

    @TempDir
    Path temp;

    private Random random;
    private long seed;
    private CrawlLogWatch log;
    private Process child;

    @Test
    void twentyKillsAimedAtEveryPhaseLoseNothingDuplicateNothingAndFetchNoPageThrice() throws Exception {
        seed = System.nanoTime();
        random = new Random(seed);
        try (Testbed testbed = Testbed.start(WORLD)) {
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            Path config = Files.writeString(temp.resolve("crawl.yaml"),
                    "politeness:\n  delay: 0s\n  permitsPerHost: 1\n  adaptiveDelayFactor: 0\nscope:\n  sitemapsFromRobots: true\n");
            Path dir = temp.resolve("crawl");
            log = new CrawlLogWatch(dir);
            long previousProducts = 0;
            List<Phase> plan = plan();
            for (int kill = 1; kill <= KILLS; kill++) {
                Phase phase = plan.get(kill - 1);
                Set<String> leftInFlight = log.leftInFlight();
                log.runStarts();
                child = Cli.start(temp, "child-" + kill, List.of("-XX:TieredStopAtLevel=1"), crawlOrResume(seeds, config, dir));
                aimAt(phase, leftInFlight, kill);
                assertThat(child.isAlive()).as("kill %d (%s, seed %d): the crawl still runs", kill, phase, seed).isTrue();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                long products = StoredCounters.read(dir, Counters.PRODUCTS);
                assertThat(products).as("products never go down (seed %d, kill %d)", seed, kill).isGreaterThanOrEqualTo(previousProducts);
                previousProducts = products;
            }
            Cli.succeed("resume", "--dir", dir.toString());
            Map<String, Long> fetches = fetchesPerPage(testbed);

            Path whole = temp.resolve("uninterrupted");
            Cli.succeed("crawl", seeds.toString(), "--dir", whole.toString(), "--config", config.toString(), "--per-host", "4");

            List<List<String>> expected = withoutFetchedAt(ExportedCsv.export(whole, temp.resolve("whole.csv")));
            List<List<String>> actual = withoutFetchedAt(ExportedCsv.export(dir, temp.resolve("crashed.csv")));
            assertThat(ExportedCsv.urls(actual)).as("seed %d", seed).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
            assertThat(actual).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(failures(dir)).as("failures, seed %d", seed).isEqualTo(failures(whole));
            try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
                assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(expected.size());
                assertThat(store.counter(Counters.URLS_QUEUED)).isZero();
            }
            assertThat(fetches).as("pages fetched more than twice, seed %d", seed).allSatisfy((page, times) -> assertThat(times).isLessThanOrEqualTo(2));
        }
    }

    /** Start-up first (often before the crawl directory exists), the sitemap phases while there are sitemaps, then the rest shuffled. */
    private List<Phase> plan() {
        List<Phase> rest = new ArrayList<>(Collections.nCopies(4, Phase.ROBOTS));
        rest.add(Phase.STARTUP);
        rest.addAll(Collections.nCopies(KILLS - 3 - rest.size(), Phase.COMMIT));
        Collections.shuffle(rest, random);
        List<Phase> plan = new ArrayList<>(List.of(Phase.STARTUP, Phase.SITEMAP_INDEX, Phase.SITEMAPS));
        plan.addAll(rest);
        return plan;
    }

    /** Returns at a moment of {@code phase} in the child's run, checked against its log. */
    private void aimAt(Phase phase, Set<String> leftInFlight, int kill) throws Exception {
        String what = "kill " + kill + " (" + phase + ", seed " + seed + ")";
        switch (phase) {
            case STARTUP -> pause(200, 1_000);
            case SITEMAP_INDEX -> {
                await(what, () -> log.requestedThisRun().stream().anyMatch(url -> url.endsWith("/sitemap.xml")));
                pause(50, ROBOTS_LATENCY.toMillis() / 2);
                assertThat(log.inFlight()).as(what).anyMatch(url -> url.endsWith("/sitemap.xml"));
            }
            case SITEMAPS -> {
                // A product sitemap in flight, and no page in flight a second time; if the moment passes, aim again.
                BooleanSupplier aimed = () -> productSitemapInFlight() && Collections.disjoint(log.inFlight(), leftInFlight);
                for (int attempt = 0; attempt < 5; attempt++) {
                    await(what, aimed);
                    pause(0, ROBOTS_LATENCY.toMillis() / 3);
                    if (aimed.getAsBoolean()) {
                        break;
                    }
                }
                assertThat(aimed.getAsBoolean()).as("%s: a product sitemap in flight, and no page a second time", what).isTrue();
            }
            case ROBOTS -> {
                await(what, () -> !log.robotsRequestedThisRun().isEmpty());
                pause(50, ROBOTS_LATENCY.toMillis() / 2);
                assertThat(log.requestedThisRun()).as("%s: no page before robots.txt is in", what).isEmpty();
            }
            case COMMIT -> {
                await(what, () -> log.committedThisRun().size() >= 5);
                pause(0, 500);
                awaitNoneInFlightAgain(what, leftInFlight);
            }
        }
    }

    private boolean productSitemapInFlight() {
        return log.inFlight().stream().anyMatch(url -> url.contains("/sitemap-products-"));
    }

    /** Waits until no page an earlier kill left in flight is in flight again: killed now, it would be fetched a third time. */
    private void awaitNoneInFlightAgain(String what, Set<String> leftInFlight) {
        await(what + ": no page in flight a second time", () -> Collections.disjoint(log.inFlight(), leftInFlight));
    }

    private void await(String what, BooleanSupplier condition) {
        Eventually.await(what, WAIT, () -> {
            assertThat(child.isAlive()).as("%s: the crawl still runs", what).isTrue();
            return condition.getAsBoolean();
        });
    }

    /** Lets the child run on for a random time in [min, max] ms: the moment of the kill within its phase. */
    private void pause(long minMillis, long maxMillis) throws InterruptedException {
        child.waitFor(minMillis + (long) (random.nextDouble() * (maxMillis - minMillis)), TimeUnit.MILLISECONDS);
    }

    /** For a child: {@code resume} once a killed run has created the crawl directory, {@code crawl} until then; tracing either way. */
    private static String[] crawlOrResume(Path seeds, Path config, Path dir) {
        return Files.exists(dir.resolve("crawl.json"))
                ? new String[] {"resume", "--dir", dir.toString(), "--log-level", "trace"}
                : new String[] {"crawl", seeds.toString(), "--dir", dir.toString(), "--config", config.toString(), "--log-level", "trace"};
    }

    /** How often the testbed served each page, robots.txt aside (every run reads it afresh). */
    private static Map<String, Long> fetchesPerPage(Testbed testbed) {
        return testbed.requestLog().entries().stream()
                .filter(request -> !request.pathAndQuery().equals("/robots.txt"))
                .collect(Collectors.groupingBy(request -> request.host() + request.pathAndQuery(), TreeMap::new, Collectors.counting()));
    }

    /** The failure records of a crawl: URL to failure class. */
    private static Map<String, String> failures(Path dir) {
        Map<String, String> failures = new TreeMap<>();
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            store.records().forEachFailure(failure -> failures.put(failure.url(), failure.failureClass()));
        }
        return failures;
    }

    /** The rows without fetched_at, the last column, which differs between two crawls by nature. */
    private static List<List<String>> withoutFetchedAt(List<List<String>> rows) {
        return rows.stream().map(row -> row.subList(0, row.size() - 1)).toList();
    }
}
