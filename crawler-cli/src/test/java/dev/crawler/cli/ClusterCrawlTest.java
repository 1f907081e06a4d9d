package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.cluster.KafkaBroker;
import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members of one cluster crawl, each a {@code crawler crawl --cluster} process with its own
 * directory, over a real broker: one is SIGKILLed mid-crawl, the other two take its hosts over, and
 * {@code crawler export --cluster} still holds every product of the world exactly once; no host ever
 * had two requests in flight at once, the delay held between requests, and robots.txt was obeyed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterCrawlTest {
    private static final Duration DELAY = Duration.ofMillis(100);
    private static final int MEMBERS = 3;

    private Path temp;
    private KafkaBroker broker;
    private Testbed testbed;

    @BeforeAll
    void startBrokerAndWorld(@TempDir Path dir) throws Exception {
        temp = dir;
        broker = KafkaBroker.start(temp.resolve("broker"));
        testbed = Testbed.start(TestbedConfig.defaults().withShops(12).withProductsPerShop(40));
    }

    @AfterAll
    void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aMemberKilledMidCrawlLosesNothingAndNoHostIsFetchedByTwoAtOnce() throws Exception {
        Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
        // The shortest session timeout a member accepts: the dead member's hosts move after 6 s.
        Path config = Files.writeString(temp.resolve("cluster.yaml"), "cluster:\n  sessionTimeout: 6s\n");
        List<Process> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(Cli.start(temp, "member-" + i, List.of(), "crawl", seeds.toString(), "--dir", dir(i).toString(),
                    "--config", config.toString(), "--cluster", broker.bootstrap(), "--crawl-id", "killed", "--partitions", "12",
                    "--delay", "100ms", "--per-host", "1", "--adaptive-delay", "0"));
        }
        int expected = testbed.groundTruth().expectedUrls().size();
        assertThat(testbed.requestLog().awaitEntries(expected / 4, Duration.ofMinutes(2))).as("a quarter of the world fetched").isTrue();

        int victim = busiest();
        members.get(victim).destroyForcibly();
        assertThat(members.get(victim).waitFor(30, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < MEMBERS; i++) {
            if (i == victim) {
                continue;
            }
            assertThat(members.get(i).waitFor(4, TimeUnit.MINUTES)).as("member %d finished", i).isTrue();
            assertThat(members.get(i).exitValue()).as(Files.readString(temp.resolve("member-" + i + ".err"))).isZero();
        }
        assertThat(StoredCounters.read(dir(victim), CrawlCounters.PAGES_FETCHED)).as("the killed member had done its share").isPositive();
        StringBuilder survivorLogs = new StringBuilder();
        for (int i = 0; i < MEMBERS; i++) {
            if (i != victim) {
                survivorLogs.append(Files.readString(dir(i).resolve("crawler.log")));
            }
        }
        assertThat(survivorLogs.toString().lines().filter(line -> line.matches(".*partition \\d+: \\d+ URLs queued and [1-9]\\d* settled restored.*")))
                .as("a survivor took over a partition the killed member had crawled in, from the state topic").isNotEmpty();

        Path csv = temp.resolve("products.csv");
        Cli.succeed("export", "--cluster", broker.bootstrap(), "--crawl-id", "killed", "--out", csv.toString());
        // The url column comes first, quoted; testbed URLs hold no comma or quote.
        List<String> urls = Files.readAllLines(csv).stream().skip(1).map(line -> line.substring(0, line.indexOf(',')).replace("\"", ""))
                .collect(Collectors.toList());
        assertThat(urls).as("no product twice").doesNotHaveDuplicates();
        Set<String> truth = testbed.groundTruth().products().stream().map(ProductTruth::url).collect(Collectors.toSet());
        assertThat(truth.stream().filter(url -> !urls.contains(url)).sorted()).as("products of the world missing from the export").isEmpty();
        assertThat(urls.stream().filter(url -> !truth.contains(url)).sorted()).as("exported URLs that are no product of the world").isEmpty();

        List<RequestRecord> requests = testbed.requestLog().entries();
        assertThat(requests).extracting(RequestRecord::pathAndQuery).noneMatch(path -> path.startsWith("/private/"));
        Map<String, List<RequestRecord>> byHost = new HashMap<>();
        requests.forEach(request -> byHost.computeIfAbsent(request.host(), host -> new ArrayList<>()).add(request));
        byHost.forEach((host, list) -> {
            list.sort(Comparator.comparingLong(RequestRecord::startNanos));
            for (int i = 1; i < list.size(); i++) {
                RequestRecord before = list.get(i - 1);
                RequestRecord after = list.get(i);
                assertThat(after.startNanos()).as("%s: %s began before %s ended", host, after.pathAndQuery(), before.pathAndQuery())
                        .isGreaterThanOrEqualTo(before.endNanos());
                // Half the delay: the testbed sees a request a little after it is sent, by a varying amount.
                assertThat(after.startNanos() - before.startNanos()).as("%s: the delay before %s", host, after.pathAndQuery())
                        .isGreaterThanOrEqualTo(DELAY.toNanos() / 2);
            }
        });
    }

    @Test
    void crawlerStopStopsEveryMemberGracefully() throws Exception {
        Path seeds = Files.write(temp.resolve("stop-seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
        List<Process> members = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            members.add(Cli.start(temp, "stopped-" + i, List.of(), "crawl", seeds.toString(), "--dir", temp.resolve("stopped-" + i).toString(),
                    "--cluster", broker.bootstrap(), "--crawl-id", "stopped", "--delay", "1s"));
        }
        Eventually.await("both members fetching", Duration.ofMinutes(2),
                () -> StoredCounters.read(temp.resolve("stopped-0"), CrawlCounters.PAGES_FETCHED) > 0
                        && StoredCounters.read(temp.resolve("stopped-1"), CrawlCounters.PAGES_FETCHED) > 0);

        Cli.succeed("stop", "--cluster", broker.bootstrap(), "--crawl-id", "stopped");

        for (int i = 0; i < 2; i++) {
            assertThat(members.get(i).waitFor(60, TimeUnit.SECONDS)).as("member %d stopped", i).isTrue();
            assertThat(Files.readString(temp.resolve("stopped-" + i + ".out"))).contains("Stopped after");
        }
    }

    private Path dir(int member) {
        return temp.resolve("member-" + member);
    }

    /** The member that has fetched the most so far: killing it tests the most. */
    private int busiest() {
        int busiest = 0;
        long most = -1;
        for (int i = 0; i < MEMBERS; i++) {
            long fetched = StoredCounters.read(dir(i), CrawlCounters.PAGES_FETCHED);
            if (fetched > most) {
                most = fetched;
                busiest = i;
            }
        }
        return busiest;
    }
}
