package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.storage.ChangeEvent;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import dev.crawler.testbed.ChangeTruth;
import dev.crawler.testbed.EpochConfig;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler watch}: a world that changes twice while a watch runs in a child JVM, with pages
 * on a schedule of seconds; its {@code /metrics} scraped over loopback as it goes; then SIGTERM.
 * And a watch with nothing due sleeps instead of polling.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WatchTest {
    private static final String[] FAST = {"--delay", "0", "--per-host", "4", "--adaptive-delay", "0"};
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+(?:\\{[^}]*\\})?) (\\S+)$", Pattern.MULTILINE);
    private static final Pattern METRICS_AT = Pattern.compile("Metrics at (http://127\\.0\\.0\\.1:\\d+/metrics)");

    @TempDir
    Path temp;

    @Test
    void aWatchRecordsEveryEpochsChangesExactlyOnceServesMetricsThatMoveAndStopsGracefullyOnSigterm() throws Exception {
        EpochConfig epochs = EpochConfig.defaults().withShares(0.2, 0.1, 0.02, 0.02, 0);
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(2).withProductsPerShop(40).withEpochs(epochs))) {
            Path dir = temp.resolve("crawl");
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            Cli.succeed(concat("crawl", seeds.toString(), "--dir", dir.toString(), "--config", secondsSchedule().toString()));
            Instant started = Instant.now();
            testbed.requestLog().clear();

            Process child = Cli.start(temp, "watch", List.of(), concat("watch", "--dir", dir.toString(), "--metrics-port", "0"));
            try {
                String metrics = metricsUrl(child);
                Map<String, Double> first = scrape(metrics);
                assertThat(first).containsKeys("crawler_pages_fetched_total", "crawler_products", "crawler_changes_recorded_total",
                        "crawler_pages_not_modified_total", "crawler_pages_unchanged_total", "crawler_queue_depth",
                        "crawler_due_backlog", "crawler_watch_rounds_total");
                for (URI home : testbed.homePages()) {
                    String host = "{host=\"" + home.getScheme() + "://" + home.getHost() + ":" + home.getPort() + "\"}";
                    assertThat(first).containsEntry("crawler_host_parked" + host, 0.0)
                            .containsEntry("crawler_host_learned_delay_seconds" + host, 0.0);
                }
                assertThat(first.get("crawler_products")).isEqualTo(80.0);

                testbed.advanceEpoch();
                ChangeTruth toOne = testbed.changes(0, 1);
                awaitChanges(metrics, toOne.changes().size());
                Map<String, Double> second = scrape(metrics);
                assertThat(second.get("crawler_pages_fetched_total")).as("pages fetched moved").isGreaterThan(first.get("crawler_pages_fetched_total"));
                assertThat(second.get("crawler_pages_not_modified_total")).as("304s moved")
                        .isGreaterThan(first.get("crawler_pages_not_modified_total"));
                assertThat(second.get("crawler_pages_unchanged_total")).isGreaterThan(first.get("crawler_pages_unchanged_total"));
                assertThat(second.get("crawler_watch_rounds_total")).isGreaterThan(first.get("crawler_watch_rounds_total"));

                testbed.advanceEpoch();
                ChangeTruth toTwo = testbed.changes(1, 2);
                awaitChanges(metrics, toOne.changes().size() + toTwo.changes().size());

                child.destroy(); // SIGTERM
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("stopped within the deadline").isTrue();
                assertThat(child.exitValue()).isEqualTo(143);
                assertThat(Files.readString(temp.resolve("watch.out"))).contains("Stopped after");
                assertThat(Files.readString(temp.resolve("watch.err"))).contains("Continue with: crawler watch --dir");

                Set<String> expected = new HashSet<>(keys(toOne));
                expected.addAll(keys(toTwo));
                List<ChangeEvent> events = RecrawlTest.changesSince(dir, started);
                Set<String> recorded = events.stream().map(e -> RecrawlTest.key(e.url(), e.field().name(), e.oldValue(), e.newValue()))
                        .collect(Collectors.toSet());
                assertThat(events).as("no change recorded twice").hasSameSizeAs(recorded);
                assertThat(recorded).as("the changes of both epochs, and nothing else").isEqualTo(expected);

                for (URI home : testbed.homePages()) {
                    assertThat(testbed.requestLog().forHost(home.getHost()).stream()
                            .filter(request -> request.pathAndQuery().equals("/robots.txt")))
                            .as("robots.txt of %s asked once for the whole watch, not once a round", home.getHost())
                            .hasSize(1);
                }

                Cli.succeed(concat("resume", "--dir", dir.toString()));
                assertThat(StoredCounters.read(dir, Counters.CHANGES)).as("resumable, and nothing recorded again")
                        .isEqualTo(expected.size());
                System.out.printf("WatchTest: %d + %d changes recorded exactly once while watching; SIGTERM exit 143%n",
                        toOne.changes().size(), toTwo.changes().size());
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aWatchWithNothingDueSleepsUntilTheNextPageIsDueAndStopsAtOnce() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(1).withProductsPerShop(10))) {
            Path dir = temp.resolve("crawl");
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            Cli.succeed(concat("crawl", seeds.toString(), "--dir", dir.toString()));
            int requests = testbed.requestLog().size();

            try (CrawlStore store = Crawls.open(dir, StoreOptions.defaults())) {
                CrawlConfig config = Crawls.storedConfig(store);
                Instant firstDue = store.nextDue().orElseThrow();
                WatchLoop watch = new WatchLoop(store, config, InstantSource.system(), false, new PrintWriter(new StringWriter()));
                CompletableFuture<WatchLoop.Outcome> done = CompletableFuture.supplyAsync(watch::run);

                Eventually.await("the watch to go to sleep", Duration.ofSeconds(10), () -> watch.nextRoundAt().isPresent());
                // The first page falls due a day after the crawl: the watch wakes a tenth of revisit.minInterval before.
                assertThat(watch.nextRoundAt()).contains(firstDue.minus(config.revisit().minInterval().dividedBy(10)));
                assertThat(watch.rounds()).as("no round without a page due").isZero();
                assertThat(watch.inRound()).isFalse();

                watch.stop();
                assertThat(done.get(5, TimeUnit.SECONDS).rounds()).isZero();
                assertThat(testbed.requestLog().size()).as("nothing fetched").isEqualTo(requests);
            }
        }
    }

    /** A schedule of seconds instead of hours, so that pages fall due again and again during the test. */
    private Path secondsSchedule() throws Exception {
        String defaults = ConfigReference.defaultsFile()
                .replace("minInterval: 1h", "minInterval: 1s")
                .replace("maxInterval: 720h", "maxInterval: 4s")
                .replace("initialInterval: 24h", "initialInterval: 2s");
        assertThat(defaults).contains("minInterval: 1s", "maxInterval: 4s", "initialInterval: 2s");
        return Files.writeString(temp.resolve("seconds.yaml"), defaults);
    }

    private String metricsUrl(Process child) {
        String[] url = new String[1];
        Eventually.await("the watch to say where its metrics are", Duration.ofSeconds(30), () -> {
            if (!child.isAlive()) {
                throw new AssertionError("the watch exited with " + child.exitValue() + ": " + read(temp.resolve("watch.err")));
            }
            Matcher matcher = METRICS_AT.matcher(read(temp.resolve("watch.err")));
            if (matcher.find()) {
                url[0] = matcher.group(1);
            }
            return url[0] != null;
        });
        return url[0];
    }

    private static void awaitChanges(String metrics, int count) {
        Eventually.await(count + " changes recorded", Duration.ofSeconds(90),
                () -> scrape(metrics).get("crawler_changes_recorded_total") >= count);
        assertThat(scrape(metrics).get("crawler_changes_recorded_total")).as("no more than the true changes").isEqualTo((double) count);
    }

    /** One scrape over loopback: each sample by its name and labels. */
    static Map<String, Double> scrape(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Double> samples = new HashMap<>();
            Matcher matcher = SAMPLE.matcher(response.body());
            while (matcher.find()) {
                samples.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
            return samples;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> keys(ChangeTruth truth) {
        return truth.changes().stream().map(c -> RecrawlTest.key(c.url(), c.field().name(), c.oldValue(), c.newValue()))
                .collect(Collectors.toSet());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] concat(String... args) {
        String[] all = new String[args.length + FAST.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(FAST, 0, all, args.length, FAST.length);
        return all;
    }
}
