package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlStoreTest {
    private static final String SHOP = "http://127.0.1.1:8080";

    @TempDir
    Path temp;

    private Path dir() {
        return temp.resolve("crawl");
    }

    private static DiscoveredUrl url(String path, int priority) {
        return new DiscoveredUrl(SHOP + path, SHOP, priority, priority);
    }

    private static ProductRecord product(String identity, String name) {
        return new ProductRecord(identity, SHOP + "/p/1", name, new BigDecimal("12.50"), "EUR", "SKU-1", null, null,
                "InStock", null, null, null, "127.0.1.1", Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static PageCommit settle(QueuedUrl done, List<DiscoveredUrl> links, List<ProductRecord> products) {
        return new PageCommit(done.key(), Optional.empty(), links, products, Optional.empty(), Map.of("pages.fetched", 1L));
    }

    @Test
    void aUrlIsQueuedAtMostOnce() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            CommitResult first = store.enqueue(List.of(url("/", 0), url("/", 0), url("/a", 1)));
            CommitResult again = store.enqueue(List.of(url("/a", 1)));

            assertThat(first.queuedByHost()).containsEntry(0, 2);
            assertThat(again.queuedByHost()).isEmpty();
            assertThat(store.counter(Counters.URLS_QUEUED)).isEqualTo(2);
        }
    }

    @Test
    void aDamagedValueFailsTheOpenAsADamagedStoreAndLeavesTheDirectoryFreeForTheNextAttempt() throws Exception {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/", 0)));
        }
        StoreDb raw = CrawlStore.openDb(dir(), StoreOptions.defaults(), false, false);
        try {
            raw.rocks().put(raw.handle(ColumnFamily.HOSTS), StoreBytes.utf8("o:http://damaged.example"), new byte[] {7});
        } finally {
            raw.close();
        }

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> CrawlStore.open(dir(), StoreOptions.defaults()))
                    .as("attempt %d: damaged, not locked by the attempt before", attempt)
                    .isInstanceOf(StoreCorruptedException.class)
                    .hasMessageContaining("the crawl directory is damaged");
        }
    }

    @Test
    void peekReturnsEachHostsQueueByPriorityThenFifo() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/deep", 2), url("/b", 1), url("/", 0), url("/c", 1)));

            List<QueuedUrl> queue = store.peek(0, 10, Set.of());

            assertThat(queue).extracting(QueuedUrl::url)
                    .containsExactly(SHOP + "/", SHOP + "/b", SHOP + "/c", SHOP + "/deep");
            assertThat(store.peek(0, 10, Set.of(queue.get(0).key()))).hasSize(3);
        }
    }

    @Test
    void rewritingAPagesOutcomeNeverDuplicatesAProduct() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/p/1", 0)));
            QueuedUrl page = store.peek(0, 1, Set.of()).get(0);

            store.commit(List.of(settle(page, List.of(), List.of(product("p1#SKU-1", "Lamp")))));
            store.commit(List.of(settle(page, List.of(), List.of(product("p1#SKU-1", "Lamp")))));

            List<ProductRecord> stored = new ArrayList<>();
            store.records().forEachProduct(stored::add);
            assertThat(stored).hasSize(1);
            assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(1);
        }
    }

    @Test
    void committedOutcomesAndUnsettledUrlsSurviveReopening() {
        try (CrawlStore store = CrawlStore.create(dir(), "{\"delay\":1}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/", 0)));
            QueuedUrl home = store.peek(0, 1, Set.of()).get(0);
            store.commit(List.of(settle(home, List.of(url("/a", 1), url("/b", 1)), List.of(product("x", "Chair")))));
        }
        try (CrawlStore store = CrawlStore.open(dir(), StoreOptions.defaults())) {
            assertThat(store.configJson()).isEqualTo("{\"delay\":1}");
            assertThat(store.hostsWithQueuedUrls()).containsExactly(0);
            assertThat(store.peek(0, 10, Set.of())).extracting(QueuedUrl::url).containsExactly(SHOP + "/a", SHOP + "/b");
            assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(1);
            assertThat(store.counter("pages.fetched")).isEqualTo(1);
            store.enqueue(List.of(url("/", 0)));
            assertThat(store.counter(Counters.URLS_QUEUED)).as("the seen set outlives the settled URL").isEqualTo(2);
        }
    }

    @Test
    void aRequeuedUrlGoesToTheBackOfItsHostsQueue() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/a", 1), url("/b", 1)));
            QueuedUrl first = store.peek(0, 1, Set.of()).get(0);
            store.commit(List.of(new PageCommit(first.key(), Optional.of(new PageCommit.RequeuedUrl(first.url(), 1, 1, 1)),
                    List.of(), List.of(), Optional.empty(), Map.of())));

            List<QueuedUrl> queue = store.peek(0, 10, Set.of());
            assertThat(queue).extracting(QueuedUrl::url).containsExactly(SHOP + "/b", SHOP + "/a");
            assertThat(queue.get(1).attempts()).isEqualTo(1);
        }
    }

    @Test
    void aUrlRequeuedAfterAPushBackKeepsItsCountThroughTheRetryLane() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/a", 1)));
            QueuedUrl first = store.peek(0, 1, Set.of()).get(0);
            store.commit(List.of(new PageCommit(first.key(), Optional.of(new PageCommit.RequeuedUrl(first.url(), 1, 1, 1, 5_000, 0, 3)),
                    List.of(), List.of(), Optional.empty(), Map.of())));
            store.promoteDueRetries(5_000, 10);

            QueuedUrl again = store.peek(0, 1, Set.of()).get(0);
            assertThat(again.attempts()).isEqualTo(1);
            assertThat(again.pushBacks()).isEqualTo(3);
        }
    }

    @Test
    void aHostsLearnedPaceIsWrittenWithTheCommitReplacesTheLastOneAndOutlivesTheProcess() {
        Path dir = dir();
        Instant first = Instant.parse("2030-01-01T00:00:00Z");
        try (CrawlStore store = CrawlStore.create(dir, "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/a", 1)));
            QueuedUrl queued = store.peek(0, 1, Set.of()).get(0);
            store.commit(List.of(new PageCommit(queued.key(), Optional.empty(), List.of(), List.of(), Optional.empty(), Map.of())),
                    List.of(), List.of(new HostPace(SHOP, 2_000, 1, "HTTP 429", first)));
            store.commit(List.of(), List.of(), List.of(new HostPace(SHOP, 4_000, 2, "HTTP 429 (Retry-After: 5)", first.plusSeconds(9)),
                    new HostPace("http://other.example:80", 500, 1, "HTTP 503 (Retry-After: 1)", first)));
        }
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            assertThat(store.hostPaces()).containsExactly(
                    new HostPace(SHOP, 4_000, 2, "HTTP 429 (Retry-After: 5)", first.plusSeconds(9)),
                    new HostPace("http://other.example:80", 500, 1, "HTTP 503 (Retry-After: 1)", first));
        }
    }

    @Test
    void hostsWithQueuedUrlsListsEveryNonEmptyHost() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(new DiscoveredUrl("http://a/", "http://a", 0, 0),
                    new DiscoveredUrl("http://b/", "http://b", 0, 0), new DiscoveredUrl("http://c/", "http://c", 0, 0)));
            QueuedUrl onB = store.peek(store.hostId("http://b").orElseThrow(), 1, Set.of()).get(0);
            store.commit(List.of(settle(onB, List.of(), List.of())));

            assertThat(store.hostsWithQueuedUrls()).containsExactly(0, 2);
            assertThat(store.origin(2)).isEqualTo("http://c");
        }
    }

    @Test
    void aSecondWriterIsRefusedWithAClearMessage() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            assertThatThrownBy(() -> CrawlStore.open(dir(), StoreOptions.defaults()))
                    .isInstanceOf(CrawlDirectoryException.class)
                    .hasMessageContaining("in use by another crawler process")
                    .extracting(e -> ((CrawlDirectoryException) e).reason()).isEqualTo(CrawlDirectoryException.Reason.LOCKED);
            try (CrawlStore reader = CrawlStore.openReadOnly(dir())) {
                assertThat(reader.info().crawlId()).isEqualTo(store.info().crawlId());
            }
        }
    }

    @Test
    void aDirectoryThatIsNotACrawlIsNamedAsSuch() throws Exception {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> CrawlStore.open(dir(), StoreOptions.defaults()))
                .hasMessageContaining("is not a crawl directory");
        assertThatThrownBy(() -> CrawlStore.create(dir(), "{}", StoreOptions.defaults()))
                .hasMessageContaining("exists and is not empty");
        assertThatThrownBy(() -> CrawlStore.open(temp.resolve("nowhere"), StoreOptions.defaults()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aCrawlCannotBeCreatedTwice() {
        CrawlStore.create(dir(), "{}", StoreOptions.defaults()).close();

        assertThatThrownBy(() -> CrawlStore.create(dir(), "{}", StoreOptions.defaults()))
                .hasMessageContaining("already holds a crawl")
                .hasMessageContaining("crawler resume");
    }

    @Test
    void aDirectoryOfANewerFormatIsRefused() throws Exception {
        CrawlStore.create(dir(), "{}", StoreOptions.defaults()).close();
        Path info = dir().resolve("crawl.json");
        Files.writeString(info, Files.readString(info).replace("\"formatVersion\":1", "\"formatVersion\":99"));

        assertThatThrownBy(() -> CrawlStore.open(dir(), StoreOptions.defaults()))
                .isInstanceOf(CrawlDirectoryException.class)
                .hasMessageContaining("newer crawler");
    }

    @Test
    void aRetryWaitsInTheRetryLaneUntilItsTimeAndThenRejoinsItsHost() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/a", 1)));
            QueuedUrl first = store.peek(0, 1, Set.of()).get(0);
            store.commit(List.of(new PageCommit(first.key(), Optional.of(new PageCommit.RequeuedUrl(first.url(), 1, 1, 1, 5_000)),
                    List.of(), List.of(), Optional.empty(), Map.of())));

            assertThat(store.peek(0, 10, Set.of())).isEmpty();
            assertThat(store.nextRetryDue()).contains(5_000L);
            assertThat(store.counter(Counters.URLS_RETRYING)).isEqualTo(1);
            assertThat(store.counter(Counters.URLS_QUEUED)).isEqualTo(1);
            assertThat(store.promoteDueRetries(4_999, 100).queuedByHost()).isEmpty();

            assertThat(store.promoteDueRetries(5_000, 100).queuedByHost()).containsEntry(0, 1);
            assertThat(store.peek(0, 10, Set.of())).singleElement().extracting(QueuedUrl::attempts).isEqualTo(1);
            assertThat(store.nextRetryDue()).isEmpty();
            assertThat(store.counter(Counters.URLS_RETRYING)).isZero();
        }
    }

    @Test
    void retriesSurviveReopening() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url("/a", 1)));
            QueuedUrl first = store.peek(0, 1, Set.of()).get(0);
            store.commit(List.of(new PageCommit(first.key(), Optional.of(new PageCommit.RequeuedUrl(first.url(), 1, 1, 2, 9_000)),
                    List.of(), List.of(), Optional.empty(), Map.of())));
        }
        try (CrawlStore store = CrawlStore.open(dir(), StoreOptions.defaults())) {
            assertThat(store.nextRetryDue()).contains(9_000L);
            assertThat(store.promoteDueRetries(10_000, 100).queuedByHost()).containsEntry(0, 1);
        }
    }

    @Test
    void aHostNeverQueuesMoreUrlsThanItsBudgetEvenAcrossRestarts() {
        try (CrawlStore store = CrawlStore.create(dir(), "{}", StoreOptions.defaults())) {
            store.limitUrlsPerHost(3);
            store.enqueue(List.of(url("/1", 1), url("/2", 1)));
        }
        try (CrawlStore store = CrawlStore.open(dir(), StoreOptions.defaults())) {
            store.limitUrlsPerHost(3);
            store.enqueue(List.of(url("/3", 1), url("/4", 1), url("/5", 1)));

            assertThat(store.counter(Counters.URLS_QUEUED)).isEqualTo(3);
            assertThat(store.counter(Counters.URLS_OVER_BUDGET)).isEqualTo(2);
            assertThat(store.enqueue(List.of(new DiscoveredUrl("http://b/", "http://b", 0, 0))).queuedByHost())
                    .as("the budget is per host").containsEntry(1, 1);
        }
    }
}
