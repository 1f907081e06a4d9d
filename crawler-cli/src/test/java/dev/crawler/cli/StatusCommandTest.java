package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.ParkedHost;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.QueuedUrl;
import dev.crawler.storage.StoreOptions;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler status} on a crawl with a busy host, a host waiting for retries, a parked host, a
 * failure and a product.
 */
class StatusCommandTest {
    private static final String BUSY = "http://127.0.1.1:8080";
    private static final String RETRYING = "http://127.0.1.2:8080";
    private static final String DOWN = "http://127.0.1.3:8080";
    private static final Instant RETRY_AT = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant PARKED_AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant PACED_AT = Instant.parse("2026-01-02T03:05:00Z");

    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void aCrawlMidway() {
        dir = temp.resolve("crawl");
        try (CrawlStore store = CrawlStore.create(dir, "{}", StoreOptions.defaults())) {
            List<DiscoveredUrl> urls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                urls.add(new DiscoveredUrl(BUSY + "/p/" + i, BUSY, 0, 0));
            }
            urls.add(new DiscoveredUrl(RETRYING + "/a", RETRYING, 0, 0));
            urls.add(new DiscoveredUrl(DOWN + "/a", DOWN, 0, 0));
            urls.add(new DiscoveredUrl(DOWN + "/b", DOWN, 0, 0));
            store.enqueue(urls);
            QueuedUrl first = store.peek(store.hostId(BUSY).orElseThrow(), 1, Set.of()).get(0);
            QueuedUrl retried = store.peek(store.hostId(RETRYING).orElseThrow(), 1, Set.of()).get(0);
            QueuedUrl failed = store.peek(store.hostId(DOWN).orElseThrow(), 1, Set.of()).get(0);
            store.commit(List.of(
                    new PageCommit(first.key(), Optional.empty(), List.of(), List.of(product()), Optional.empty(),
                            Map.of("pages.fetched", 1L, "http.200", 1L)),
                    new PageCommit(retried.key(), Optional.of(new PageCommit.RequeuedUrl(retried.url(), 0, 0, 1, RETRY_AT.toEpochMilli())),
                            List.of(), List.of(), Optional.empty(), Map.of("retries", 1L)),
                    new PageCommit(failed.key(), Optional.empty(), List.of(), List.of(),
                            Optional.of(new FailureRecord(failed.url(), "connect", 0, "Connection refused", 4, PARKED_AT)),
                            Map.of("pages.failed", 1L, "failures.connect", 1L))),
                    List.of(new ParkedHost(DOWN, "connect: Connection refused", 5, PARKED_AT)),
                    List.of(new HostPace(BUSY, 2_500, 3, "HTTP 429 (Retry-After: 5)", PACED_AT),
                            new HostPace(RETRYING, 0, 1, "HTTP 503 (Retry-After: 1)", PACED_AT)));
        }
    }

    private static ProductRecord product() {
        return new ProductRecord(BUSY + "/p/0#sku:A", BUSY + "/p/0", "Lamp", new BigDecimal("9.99"), "EUR", "A", null, null,
                "InStock", null, null, null, "127.0.1.1", PARKED_AT);
    }

    @Test
    void statusShowsTotalsFailuresTheLongestQueuesAndTheParkedHostsWithWhy() {
        Cli.Result result = Cli.run("status", "--dir", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(
                "  products        1",
                "  pages fetched   1",
                "    200              1",
                "  Failures (with up to 3 sample URLs each)\n    connect          1\n      " + DOWN + "/a (Connection refused)\n",
                "  Longest queues (3 hosts with work)",
                String.format("    %-40s queued 4  retrying 0", BUSY),
                String.format("    %-40s queued 1  retrying 0", DOWN),
                "  Parked hosts (1): not asked again in the run that parked them; 'resume' tries them again",
                String.format("    %-40s 5 in a row, last: connect: Connection refused (at %s; 1 URLs waiting)", DOWN, PARKED_AT),
                "  Backing off (1): only retries left after transient failures",
                String.format("    %-40s 1 URL(s), next retry at %s", RETRYING, RETRY_AT),
                "  Learned pace (1 hosts slowed by pushing back; a resume starts from it)",
                String.format("    %-40s delay 2.5 s after 3 push-backs, last: HTTP 429 (Retry-After: 5) (at %s)", BUSY, PACED_AT),
                "Continue with: crawler resume --dir " + dir);
        assertThat(result.out()).as("a host that has recovered is not slowed").doesNotContain(RETRYING + " delay");
        assertThat(result.out().indexOf(BUSY + " ")).as("longest first").isLessThan(result.out().indexOf(DOWN + " "));
    }

    @Test
    void statusJsonGivesScriptsTheSameFacts() throws Exception {
        Cli.Result result = Cli.run("status", "--dir", dir.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("products").asLong()).isEqualTo(1);
        assertThat(json.at("/counters/pages.fetched").asLong()).isEqualTo(1);
        assertThat(json.at("/failureSamples/connect/0/url").asText()).isEqualTo(DOWN + "/a");
        assertThat(json.at("/hosts/withWork").asInt()).isEqualTo(3);
        assertThat(json.at("/hosts/longestQueues/0/origin").asText()).isEqualTo(BUSY);
        assertThat(json.at("/hosts/longestQueues/0/queued").asLong()).isEqualTo(4);
        assertThat(json.at("/hosts/parked/0/origin").asText()).isEqualTo(DOWN);
        assertThat(json.at("/hosts/parked/0/reason").asText()).isEqualTo("connect: Connection refused");
        assertThat(json.at("/hosts/parked/0/consecutiveFailures").asInt()).isEqualTo(5);
        assertThat(json.at("/hosts/backingOff/0/origin").asText()).isEqualTo(RETRYING);
        assertThat(json.at("/hosts/backingOff/0/nextRetryAt").asText()).isEqualTo(RETRY_AT.toString());
        assertThat(json.at("/hosts/paced/0/origin").asText()).isEqualTo(BUSY);
        assertThat(json.at("/hosts/paced/0/learnedDelayMillis").asLong()).isEqualTo(2_500);
        assertThat(json.at("/hosts/paced/0/pushBacks").asLong()).isEqualTo(3);
        assertThat(json.at("/hosts/paced/0/lastPushBack").asText()).isEqualTo("HTTP 429 (Retry-After: 5)");
        assertThat(json.at("/hosts/paced/1/origin").asText()).isEqualTo(RETRYING);
        assertThat(json.at("/hosts/paced/1/learnedDelayMillis").asLong()).as("recovered").isZero();
    }

    @Test
    void aHostThatNeverAnswersIsShownParkedWithWhyAfterARealCrawl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort;
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), down + "/\n");
        // Short retry waits, so the host fails its robots.txt often enough to be parked within a second or two.
        Path config = Files.writeString(temp.resolve("crawl.yaml"), "fetch:\n  retryBackoffBase: 50ms\n");
        Path crawled = temp.resolve("down");

        Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", crawled.toString(), "--config", config.toString(),
                "--delay", "0");
        Cli.Result status = Cli.succeed("status", "--dir", crawled.toString());

        assertThat(crawl.exitCode()).as(crawl.err()).isEqualTo(ExitCodes.UNFINISHED);
        assertThat(crawl.out()).contains("1 still queued (1 host parked, see 'crawler status')");
        assertThat(crawl.err()).as("the progress line").contains("hosts 0 active, 1 parked");
        assertThat(status.out()).contains("  Parked hosts (1): not asked again in the run that parked them; 'resume' tries them again")
                .containsPattern(Pattern.quote(down) + " +\\d+ in a row, last: connect: .*Connection refused.*; 1 URLs waiting\\)");
    }
}
